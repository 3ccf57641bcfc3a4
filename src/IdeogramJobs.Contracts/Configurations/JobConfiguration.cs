using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Configurations;

/// <summary>A job type of one account, as stored in ssnews_job_configurations.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-configuration")]
public sealed record JobConfiguration
{
    [Id(0)] public required int ConfigId { get; init; }
    [Id(1)] public required string AccountId { get; init; }
    [Id(2)] public required string JobTypeName { get; init; }
    [Id(3)] public required string DisplayName { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public required JobSettings DefaultSettings { get; init; }
    [Id(6)] public required UiSchema UiSchema { get; init; }
    [Id(7)] public bool IsActive { get; init; } = true;
    [Id(8)] public int ExecutionOrder { get; init; } = 999;
    [Id(9)] public DateTime CreatedAt { get; init; }
    [Id(10)] public DateTime UpdatedAt { get; init; }
}
