using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Brand;

/// <summary>A brand library entry to add, or the new name and value of one to change (an image is never replaced).</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.brand-asset-draft")]
public sealed record BrandAssetDraft
{
    [Id(0)] public required BrandAssetKind Kind { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public IReadOnlyList<string>? StyleCodes { get; init; }
    [Id(3)] public ColorPalette? Palette { get; init; }
    [Id(4)] public StyleReferenceUpload? Image { get; init; }
}
