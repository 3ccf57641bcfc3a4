using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Jobs;

/// <summary>Everything a caller may see of a job at one moment.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-snapshot")]
public sealed record JobSnapshot
{
    [Id(0)] public required long JobId { get; init; }
    [Id(1)] public required string AccountId { get; init; }
    [Id(2)] public required JobStatus Status { get; init; }
    [Id(3)] public int ConfigId { get; init; }
    [Id(4)] public string? JobTypeName { get; init; }
    [Id(5)] public string Prompt { get; init; } = string.Empty;
    [Id(6)] public int Priority { get; init; }
    [Id(7)] public int ProgressPercentage { get; init; }
    [Id(8)] public string? ProgressDetails { get; init; }
    [Id(9)] public int RetryCount { get; init; }
    [Id(10)] public int MaxRetries { get; init; }
    [Id(11)] public string? ErrorMessage { get; init; }
    [Id(12)] public DateTime CreatedAt { get; init; }
    [Id(13)] public DateTime? StartedAt { get; init; }
    [Id(14)] public DateTime? CompletedAt { get; init; }
    [Id(15)] public JobSettings? FinalSettings { get; init; }
    [Id(16)] public IReadOnlyList<JobImage> Images { get; init; } = [];
    [Id(17)] public long? RegeneratedFrom { get; init; }
    [Id(18)] public DateTime? NextAttemptAt { get; init; }
    [Id(19)] public RegenerationReplay? Replay { get; init; }
    [Id(20)] public JobCost? Cost { get; init; }
}
