using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Configurations;

/// <summary>The job type as saved, or every reason it was refused.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.configuration-write-result")]
public sealed record ConfigurationWriteResult
{
    [Id(0)] public required ConfigurationWriteOutcome Outcome { get; init; }
    [Id(1)] public JobConfiguration? Configuration { get; init; }
    [Id(2)] public IReadOnlyList<SettingsError> Errors { get; init; } = [];
}
