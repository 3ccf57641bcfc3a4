using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Database.Budgets;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// Reads and sets one account's budget for the admin API. It keeps nothing: admission reads the table on
/// every submission, so a new budget applies to the next job.
/// </summary>
public sealed class AccountBudgetGrain(IAccountBudgetStore budgets, TimeProvider time, ILogger<AccountBudgetGrain> logger) : Grain, IAccountBudgetGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public Task<BudgetStanding?> GetAsync() =>
        budgets.ReadStandingAsync(AccountId, AccountBudgetGate.MonthStart(time.GetUtcNow()), CancellationToken.None);

    public async Task<BudgetStanding?> SetAsync(AccountBudget budget)
    {
        if (!await budgets.SetAsync(AccountId, budget, CancellationToken.None))
        {
            return null;
        }

        logger.LogInformation("Account {AccountId} budget changed", AccountId);
        return await GetAsync();
    }
}
