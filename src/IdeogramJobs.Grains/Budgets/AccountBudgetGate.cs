using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Database.Budgets;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// Admission's budget step, called by the account grain for each job it is about to accept (through
/// <see cref="AccountBudgetCheck"/>, which skips it for an account known to have no budget). The month's
/// standing of an account with a budget is read from the tables every time, not kept in memory: a reactivated
/// grain loses nothing, and since the account grain handles one submission at a time and inserts the job before
/// the next is read, a burst of submissions each sees the reservations of the ones before it.
/// </summary>
public sealed class AccountBudgetGate(IAccountBudgetStore budgets, BudgetThresholdAlerts alerts, TimeProvider time, ILogger<AccountBudgetGate> logger)
{
    public async Task<BudgetDecision> CheckAsync(string accountId, CostEstimate estimate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var standing = await budgets.ReadBudgetedStandingAsync(accountId, MonthStart(time.GetUtcNow()), cancellationToken);
        return standing is null
            ? BudgetDecision.Unbudgeted(estimate.Total)
            : BudgetDecision.For(standing, estimate.Total);
    }

    /// <summary>
    /// After the job is stored: raises the threshold alert when admitting it reached the threshold. The job stands
    /// whatever happens here; an alert that could not be written is raised by the next admission over the threshold.
    /// </summary>
    public async Task AcceptedAsync(string accountId, long jobId, BudgetDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.ReachesThreshold || decision.Standing is not { Budget.MonthlyBudgetUsd: { } budget } standing)
        {
            return;
        }

        try
        {
            await alerts.RaiseAsync(new BudgetAlert
            {
                AccountId = accountId,
                Month = standing.Month,
                ThresholdPercent = standing.Budget.ThresholdPercent,
                BudgetUsd = budget,
                CommittedUsd = decision.CommittedUsd,
                JobId = jobId,
                At = time.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Account {AccountId}: the budget threshold alert for job {JobId} could not be raised yet", accountId, jobId);
        }
    }

    public static DateTime MonthStart(DateTimeOffset now) => BudgetMonth.Start(now.UtcDateTime);
}
