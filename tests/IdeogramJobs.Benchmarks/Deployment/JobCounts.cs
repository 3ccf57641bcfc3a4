namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>How many of a system's jobs are in each status.</summary>
public sealed record JobCounts(long Queued, long Processing, long Completed, long Failed, long Cancelled)
{
    public long Terminal => Completed + Failed + Cancelled;

    public long Total => Queued + Processing + Terminal;

    /// <summary>The jobs counted now that were not counted in <paramref name="earlier"/>, by status.</summary>
    public JobCounts Since(JobCounts earlier) =>
        new(Queued - earlier.Queued, Processing - earlier.Processing, Completed - earlier.Completed, Failed - earlier.Failed, Cancelled - earlier.Cancelled);
}
