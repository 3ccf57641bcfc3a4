using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Database.Logs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// The one way a budget threshold alert is raised: written durably first (unique per account, month
/// and threshold, so racing silos and reactivations raise it once), then published on the account's
/// event stream and written to the system log. Only the writer of the row publishes.
/// </summary>
public sealed class BudgetThresholdAlerts(IAccountBudgetStore budgets, ISystemLog systemLog, IGrainFactory grains, ILogger<BudgetThresholdAlerts> logger)
{
    public async Task RaiseAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!await budgets.TryRecordAlertAsync(alert, cancellationToken))
        {
            return;
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Budget threshold reached: {alert.CommittedUsd:0.####} USD committed of {alert.BudgetUsd:0.##} USD in {alert.Month} ({alert.ThresholdPercent}%).");
        logger.LogWarning("Account {AccountId}: {Message}", alert.AccountId, message);
        _ = grains.GetGrain<IAccountEventsGrain>(alert.AccountId).PublishAsync(new AccountJobEvent
        {
            JobId = alert.JobId ?? 0,
            Kind = AccountJobEventKind.BudgetThreshold,
            Status = JobStatus.Queued,
            Message = message,
            Budget = alert,
            At = alert.At,
        });
        await systemLog.WriteAsync(SystemLogLevel.Warn, message, alert.JobId, alert.AccountId, null, cancellationToken);
    }
}
