namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// An account's jobs waiting and in flight. Waiting jobs leave by priority (higher first), then
/// age, then id; at most <see cref="Cap"/> are in flight at once.
/// </summary>
public sealed class AccountQueue
{
    private readonly SortedSet<QueuedJob> pending = new(QueuedJob.DispatchOrder);
    private readonly Dictionary<long, QueuedJob> byId = [];
    private readonly HashSet<long> inFlight = [];

    public int Cap { get; set; }

    public IReadOnlyCollection<long> InFlight => inFlight;

    public IEnumerable<long> Pending => pending.Select(j => j.JobId);

    public bool IsEmpty => pending.Count == 0 && inFlight.Count == 0;

    public bool Contains(long jobId) => byId.ContainsKey(jobId) || inFlight.Contains(jobId);

    public void Enqueue(QueuedJob job)
    {
        if (Contains(job.JobId))
        {
            return;
        }

        pending.Add(job);
        byId[job.JobId] = job;
    }

    /// <summary>A job already running (found so when the queue is rebuilt): it holds a slot.</summary>
    public void AddInFlight(long jobId)
    {
        Remove(jobId);
        inFlight.Add(jobId);
    }

    /// <summary>Moves the next waiting jobs into flight while slots are free, and returns them.</summary>
    public IReadOnlyList<long> TakeDispatchable()
    {
        var taken = new List<long>();
        while (inFlight.Count < Cap && pending.Count > 0)
        {
            var next = pending.Min!;
            pending.Remove(next);
            byId.Remove(next.JobId);
            inFlight.Add(next.JobId);
            taken.Add(next.JobId);
        }

        return taken;
    }

    /// <summary>The job left the queue or ended; true when it was known.</summary>
    public bool Remove(long jobId)
    {
        var known = inFlight.Remove(jobId);
        if (byId.Remove(jobId, out var job))
        {
            pending.Remove(job);
            known = true;
        }

        return known;
    }
}
