using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Contracts.Queries;

/// <summary>Filters for an account's jobs (newest first); created in [From, To).</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-query")]
public sealed record JobQuery
{
    [Id(0)] public JobStatus? Status { get; init; }
    [Id(1)] public string? JobTypeName { get; init; }
    [Id(2)] public DateTime? From { get; init; }
    [Id(3)] public DateTime? To { get; init; }
    [Id(4)] public int Offset { get; init; }
    [Id(5)] public int Limit { get; init; } = 50;
}
