using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Database.Logs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// How a budget threshold alert is raised: written durably first (unique per account, month and
/// threshold, so racing silos, reactivations and billings raise it once), then published on the
/// account's event stream and written to the system log. Only the writer of the row publishes;
/// admission writes it here, a billing that crosses the threshold in its own transaction
/// (<see cref="BilledSpendAlerts"/>), and both announce it the same way.
/// </summary>
public sealed class BudgetThresholdAlerts(IAccountBudgetStore budgets, ISystemLog systemLog, IGrainFactory grains, ILogger<BudgetThresholdAlerts> logger) : IBudgetAlertAnnouncer
{
    public async Task RaiseAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!await budgets.TryRecordAlertAsync(alert, cancellationToken))
        {
            return;
        }

        await AnnounceAsync(alert, cancellationToken);
    }

    public async Task AnnounceAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
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
