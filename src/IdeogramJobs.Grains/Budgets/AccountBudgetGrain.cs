using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Database.Budgets;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// Reads and sets one account's budget for the admin API. It keeps nothing; a new budget is told to the account
/// grain, whose admission then reads it for the next job (<see cref="AccountBudgetCheck"/>).
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
        try
        {
            await GrainFactory.GetGrain<IAccountGrain>(AccountId).BudgetChangedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Account {AccountId}: admission could not be told of the new budget; it reads it within {Recheck}", AccountId, AccountBudgetCheck.Recheck);
        }

        return await GetAsync();
    }
}
