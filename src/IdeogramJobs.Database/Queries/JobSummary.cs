using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Queries;

/// <summary>A job as a list shows it.</summary>
public sealed record JobSummary
{
    public required long JobId { get; init; }
    public required JobStatus Status { get; init; }
    public required string JobTypeName { get; init; }
    public string Prompt { get; init; } = string.Empty;
    public int Priority { get; init; }
    public int ProgressPercentage { get; init; }
    public int RetryCount { get; init; }
    public string? ErrorMessage { get; init; }
    public int ImageCount { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
}
