using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Configurations;

/// <summary>A job type as an admin writes it, to create or to replace one.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-configuration-draft")]
public sealed record JobConfigurationDraft
{
    [Id(0)] public required string JobTypeName { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public required JobSettings DefaultSettings { get; init; }
    [Id(4)] public required UiSchema UiSchema { get; init; }
    [Id(5)] public bool IsActive { get; init; } = true;
    [Id(6)] public int ExecutionOrder { get; init; } = 999;
}
