using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>The end of one attempt: how it ended, why, and what it left for the next one to respect.</summary>
public sealed record AttemptOutcome(AttemptEnd End, string? Reason = null)
{
    /// <summary>The provider's (or storage's) Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>When the attempt gave up on an Ideogram call that may still be running there.</summary>
    public DateTime? ProviderBusyUntil { get; init; }

    public IReadOnlyList<JobImage> Images { get; init; } = [];

    /// <summary>A completed job's money as its completing write left the row.</summary>
    public JobCost? Cost { get; init; }

    /// <summary>Why the attempt was set back, when its end alone does not say (see <see cref="RetryCause"/>).</summary>
    public string? Cause { get; init; }

    public static AttemptOutcome Completed(IReadOnlyList<JobImage> images, JobCost? cost) => new(AttemptEnd.Completed) { Images = images, Cost = cost };

    public static readonly AttemptOutcome Lost = new(AttemptEnd.Lost);
}
