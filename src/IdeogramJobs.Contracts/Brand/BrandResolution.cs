using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Brand;

/// <summary>
/// Settings with every brand reference replaced by the library's concrete values; the
/// referenced style images, in order; or the references that could not be resolved.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.brand-resolution")]
public sealed record BrandResolution
{
    [Id(0)] public required JobSettings Settings { get; init; }
    [Id(1)] public IReadOnlyList<StyleReferenceUpload> Images { get; init; } = [];
    [Id(2)] public IReadOnlyList<SettingsError> Errors { get; init; } = [];
}
