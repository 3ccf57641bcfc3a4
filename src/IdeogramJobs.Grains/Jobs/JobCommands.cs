using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>An account's commands on one of its jobs: cancel it, or queue a failed or cancelled one again.</summary>
public sealed class JobCommands(JobActivation activation, IJobStore jobs, JobAttempt attempt, JobEventFeed events, JobStepLog steps)
{
    /// <summary>Cancels the job in its row; <paramref name="cancelled"/> then finishes it.</summary>
    public async Task<JobCommandResult> CancelAsync(string accountId, Func<Task> cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        if (activation.Owned(accountId) is not { } owned)
        {
            return JobCommandResult.NotFound;
        }

        if (owned.Status.IsTerminal())
        {
            return NotAllowed(owned.Status, $"The job is already {owned.Status.ToDatabase()}; only queued or processing jobs can be cancelled.");
        }

        // Set before the first await: an attempt resuming at its next await sees it and stops.
        activation.CancelRequested = true;
        await attempt.StopAsync();

        // The cancel clears the attempt's token in the same write, so nothing the attempt still does can undo it.
        var end = await jobs.CancelAsync(activation.JobId, CancellationToken.None);
        if (!end.Ended)
        {
            activation.CancelRequested = false;
            var job = activation.Job = await jobs.GetAsync(activation.JobId, CancellationToken.None);
            return NotAllowed(job!.Status, $"The job is already {job.Status.ToDatabase()}.");
        }

        activation.Job = activation.Job! with { Cost = end.Cost ?? activation.Job.Cost };
        await steps.WriteAsync(SystemLogLevel.Info, "Job cancelled");
        await cancelled();
        return new JobCommandResult { Outcome = JobCommandOutcome.Done, Status = JobStatus.Cancelled };
    }

    /// <summary>Queues a failed or cancelled job again; <paramref name="requeued"/> runs once the row is queued and read again.</summary>
    public async Task<JobCommandResult> RequeueAsync(string accountId, Action requeued)
    {
        ArgumentNullException.ThrowIfNull(requeued);
        if (activation.Owned(accountId) is not { } owned)
        {
            return JobCommandResult.NotFound;
        }

        if (owned.Status is not (JobStatus.Failed or JobStatus.Cancelled) || !await jobs.RequeueAsync(activation.JobId, CancellationToken.None))
        {
            return NotAllowed(owned.Status, $"A {owned.Status.ToDatabase()} job cannot be retried; only failed or cancelled ones.");
        }

        activation.Job = await jobs.GetAsync(activation.JobId, CancellationToken.None);
        activation.CancelRequested = false;
        requeued();
        events.Record(JobEventKind.Status, JobStatus.Queued, 0, "Queued again by a retry");
        await steps.WriteAsync(SystemLogLevel.Info, "Job queued again for a manual retry");
        return new JobCommandResult { Outcome = JobCommandOutcome.Done, Status = JobStatus.Queued };
    }

    private static JobCommandResult NotAllowed(JobStatus status, string message) =>
        new() { Outcome = JobCommandOutcome.NotAllowed, Status = status, Message = message };
}
