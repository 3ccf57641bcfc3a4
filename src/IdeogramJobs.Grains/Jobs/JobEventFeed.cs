using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// What one job tells of itself: its own log of events for watchers, and the account's live lists,
/// told one-way: the job never waits on them, and a lost notice costs a watcher only a refresh.
/// </summary>
public sealed class JobEventFeed(JobActivation activation, GrainReferences grains, TimeProvider time)
{
    private readonly JobEventLog events = new(time);

    /// <summary>The state the row was in when this activation read it, for watchers; the account's lists knew it already.</summary>
    public void Restore(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        events.Add(JobEventKind.Status, job.Status, job.ProgressPercentage, job.ProgressDetails);
    }

    /// <summary>Adds the event to the job's own log and tells the account's live lists. A finished job's notice carries its images.</summary>
    public void Record(JobEventKind kind, JobStatus status, int progress, string? message, JobImage? image = null)
    {
        events.Add(kind, status, progress, message, image);
        if (activation.Job is not { } current)
        {
            return;
        }

        _ = grains.Get<IAccountEventsGrain>(current.AccountId).PublishAsync(new AccountJobEvent
        {
            JobId = activation.JobId,
            Kind = kind switch
            {
                JobEventKind.Image => AccountJobEventKind.Image,
                JobEventKind.Progress => AccountJobEventKind.Progress,
                _ => AccountJobEventKind.Status,
            },
            Status = status,
            JobTypeName = current.JobTypeName,
            ProgressPercentage = progress,
            Message = message,
            Images = status.IsTerminal() ? current.Images : image is null ? [] : [image],
            At = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Events after <paramref name="afterSequence"/>; waits up to 20 seconds of <paramref name="maxWait"/> when there are none yet.</summary>
    public Task<IReadOnlyList<JobEvent>> AfterAsync(long afterSequence, TimeSpan maxWait, bool terminal)
    {
        var bounded = maxWait > TimeSpan.FromSeconds(20) ? TimeSpan.FromSeconds(20) : maxWait;
        return events.AfterAsync(afterSequence, bounded, terminal);
    }
}
