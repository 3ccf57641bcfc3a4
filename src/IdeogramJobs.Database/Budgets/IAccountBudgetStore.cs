using IdeogramJobs.Contracts.Budgets;

namespace IdeogramJobs.Database.Budgets;

/// <summary>Account budgets, the month's spend and reservations, and the alerts raised (M0022, M0021).</summary>
public interface IAccountBudgetStore
{
    /// <summary>
    /// The account's budget and where it stands in the month starting at <paramref name="monthStart"/>
    /// (UTC): billed since then, and the estimates of its queued or processing jobs not yet answered by
    /// Ideogram. Null when the account does not exist.
    /// </summary>
    Task<BudgetStanding?> ReadStandingAsync(string accountId, DateTime monthStart, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadStandingAsync"/> for an account with a monthly budget; null when it has none (or does not
    /// exist), without summing its month: admission reads this for every job, and most accounts have no budget.
    /// </summary>
    Task<BudgetStanding?> ReadBudgetedStandingAsync(string accountId, DateTime monthStart, CancellationToken cancellationToken);

    /// <summary>Replaces the account's budget; false when the account does not exist.</summary>
    Task<bool> SetAsync(string accountId, AccountBudget budget, CancellationToken cancellationToken);

    /// <summary>Records an alert; false when this account, month and threshold already have one.</summary>
    Task<bool> TryRecordAlertAsync(BudgetAlert alert, CancellationToken cancellationToken);
}
