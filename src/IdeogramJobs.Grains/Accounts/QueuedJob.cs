namespace IdeogramJobs.Grains.Accounts;

/// <summary>A waiting job with what orders it (the older system's ORDER BY priority DESC, created_at ASC).</summary>
public sealed record QueuedJob(long JobId, int Priority, DateTime CreatedAt)
{
    public static IComparer<QueuedJob> DispatchOrder { get; } = Comparer<QueuedJob>.Create((a, b) =>
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byAge = a.CreatedAt.CompareTo(b.CreatedAt);
        return byAge != 0 ? byAge : a.JobId.CompareTo(b.JobId);
    });
}
