using IdeogramJobs.Contracts.Costs;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// One account grain's budget step of admission. Most accounts have no budget, and for them reading the table on
/// every submission is a round trip the grain waits on with nothing to decide; so an account found without one is
/// admitted without a read until <see cref="Recheck"/> has passed. A budget set through the account's budget grain
/// tells the account grain at once (<see cref="Changed"/>); the recheck bounds how long a budget set while that
/// message was lost (or by a silo of the previous release) goes unenforced.
/// </summary>
public sealed class AccountBudgetCheck(AccountBudgetGate gate, string accountId, TimeProvider time)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    /// <summary>Until when the account is taken to have no budget; null when that is not known.</summary>
    private DateTimeOffset? unbudgetedUntil;

    public async Task<BudgetDecision> CheckAsync(CostEstimate estimate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var now = time.GetUtcNow();
        if (unbudgetedUntil > now)
        {
            return BudgetDecision.Unbudgeted(estimate.Total);
        }

        var decision = await gate.CheckAsync(accountId, estimate, cancellationToken);
        unbudgetedUntil = decision.Standing is null ? now + Recheck : null;
        return decision;
    }

    /// <summary>The account's budget was set: the next check reads it.</summary>
    public void Changed() => unbudgetedUntil = null;
}
