using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// How a job that reached its end (completed, failed or cancelled, the row written) finishes: the
/// metrics, watchers and the account are told, its capacity is given back and its wake-ups stop.
/// </summary>
public sealed class JobEnding(
    JobActivation activation,
    IJobStore jobs,
    JobEventFeed events,
    JobStepLog steps,
    JobCapacity capacity,
    JobWakeUps wakeUps,
    GrainReferences grains,
    JobMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Fails a job no attempt owns (a job that can never run as asked, or one interrupted too often); false when the row changed meanwhile.</summary>
    public async Task<bool> FailWithoutAttemptAsync(string reason)
    {
        var end = await jobs.FailAsync(activation.JobId, null, activation.Job!.RetryCount, reason, CancellationToken.None);
        if (!end.Ended)
        {
            return false;
        }

        activation.Job = activation.Job with { Cost = end.Cost ?? activation.Job.Cost };

        await FailedAsync(reason, "permanent failure");
        return true;
    }

    /// <summary>The job failed (its row says so): logged, kept in its system log, and finished.</summary>
    public async Task FailedAsync(string reason, string why)
    {
        JobGrainLog.JobFailed(logger, activation.JobId, activation.AccountId, why, reason);
        await steps.WriteAsync(SystemLogLevel.Error, $"Job failed ({why}): {reason}");
        await FinishAsync(JobStatus.Failed, reason, reason);
    }

    public async Task FinishAsync(JobStatus status, string message, string? errorMessage)
    {
        var current = activation.Job!;
        metrics.JobFinished(current.JobTypeName, status);
        activation.Job = current with
        {
            Status = status,
            ErrorMessage = errorMessage,
            CompletedAt = time.GetUtcNow().UtcDateTime,
            ProgressPercentage = status == JobStatus.Completed ? 100 : current.ProgressPercentage,
            AttemptToken = null,
            NextAttemptAt = null,
        };
        wakeUps.CancelStep();
        events.Record(JobEventKind.Status, status, activation.Job.ProgressPercentage, message);
        await capacity.ForgetAsync();
        await wakeUps.StopAsync();
        _ = grains.Get<IAccountGrain>(current.AccountId).JobEndedAsync(activation.JobId, status);
    }
}
