namespace IdeogramJobs.Api.Jobs;

/// <summary>The jobs to queue again, at most <see cref="MaxJobs"/> of them.</summary>
public sealed record BatchRetryRequest(IReadOnlyList<long>? JobIds)
{
    public const int MaxJobs = 100;
}
