using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// The recent events of a job, for watchers that ask "what happened after N?". Sequence numbers
/// grow across activations (they start from the clock), so a watcher that reconnects after a
/// silo change neither repeats nor misses the current state.
/// </summary>
public sealed class JobEventLog(TimeProvider time)
{
    private const int Kept = 200;

    private readonly List<JobEvent> events = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long last = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public void Add(JobEventKind kind, JobStatus status, int progress, string? message, JobImage? image = null)
    {
        events.Add(new JobEvent
        {
            Sequence = ++last,
            Kind = kind,
            Status = status,
            ProgressPercentage = progress,
            Message = message,
            Image = image,
            At = time.GetUtcNow().UtcDateTime,
        });
        if (events.Count > Kept)
        {
            events.RemoveRange(0, events.Count - Kept);
        }

        var waiting = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    /// <summary>Events after <paramref name="afterSequence"/>; waits up to <paramref name="maxWait"/> when there are none yet.</summary>
    public async Task<IReadOnlyList<JobEvent>> AfterAsync(long afterSequence, TimeSpan maxWait, bool terminal)
    {
        var found = After(afterSequence);
        if (found.Count > 0 || terminal || maxWait <= TimeSpan.Zero)
        {
            return found;
        }

        await Task.WhenAny(changed.Task, Task.Delay(maxWait, time));
        return After(afterSequence);
    }

    private List<JobEvent> After(long afterSequence) => events.Where(e => e.Sequence > afterSequence).ToList();
}
