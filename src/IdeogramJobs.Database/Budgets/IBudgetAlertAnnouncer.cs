using IdeogramJobs.Contracts.Budgets;

namespace IdeogramJobs.Database.Budgets;

/// <summary>
/// Tells the account of an alert already recorded (its event stream and the system log). The stores
/// record alerts; announcing needs the grains, so the silo provides it.
/// </summary>
public interface IBudgetAlertAnnouncer
{
    Task AnnounceAsync(BudgetAlert alert, CancellationToken cancellationToken);
}
