using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Brand;

/// <summary>The entry as saved, or why the write was refused (the errors, or the job types that use it).</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.brand-write-result")]
public sealed record BrandWriteResult
{
    [Id(0)] public required BrandWriteOutcome Outcome { get; init; }
    [Id(1)] public BrandAsset? Asset { get; init; }
    [Id(2)] public IReadOnlyList<SettingsError> Errors { get; init; } = [];
    [Id(3)] public IReadOnlyList<string> UsedByJobTypes { get; init; } = [];
}
