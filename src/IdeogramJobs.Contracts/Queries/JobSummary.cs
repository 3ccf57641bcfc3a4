using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Contracts.Queries;

/// <summary>A job as a list shows it.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-summary")]
public sealed record JobSummary
{
    [Id(0)] public required long JobId { get; init; }
    [Id(1)] public required JobStatus Status { get; init; }
    [Id(2)] public required string JobTypeName { get; init; }
    [Id(3)] public string Prompt { get; init; } = string.Empty;
    [Id(4)] public int Priority { get; init; }
    [Id(5)] public int ProgressPercentage { get; init; }
    [Id(6)] public int RetryCount { get; init; }
    [Id(7)] public string? ErrorMessage { get; init; }
    [Id(8)] public int ImageCount { get; init; }
    [Id(9)] public DateTime CreatedAt { get; init; }
    [Id(10)] public DateTime? CompletedAt { get; init; }
}
