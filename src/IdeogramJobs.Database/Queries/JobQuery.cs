using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Queries;

/// <summary>Filters for an account's jobs (newest first); created in [From, To).</summary>
public sealed record JobQuery
{
    public JobStatus? Status { get; init; }
    public string? JobTypeName { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}
