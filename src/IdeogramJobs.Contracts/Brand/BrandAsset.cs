using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Brand;

/// <summary>
/// A named entry of an account's brand library. Runs and job-type defaults name it as
/// <c>brand:{Id}</c> (see <see cref="BrandReference"/>). Exactly one of <see cref="StyleCodes"/>,
/// <see cref="Palette"/> or the image fields is set, as <see cref="Kind"/> says.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.brand-asset")]
public sealed record BrandAsset
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required BrandAssetKind Kind { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public IReadOnlyList<string>? StyleCodes { get; init; }
    [Id(4)] public ColorPalette? Palette { get; init; }
    [Id(5)] public string? FileName { get; init; }
    [Id(6)] public string? ContentType { get; init; }
    [Id(7)] public int? ByteCount { get; init; }
    [Id(8)] public string? Sha256 { get; init; }
    [Id(9)] public DateTime CreatedAt { get; init; }
    [Id(10)] public DateTime UpdatedAt { get; init; }

    /// <summary>How settings name this entry.</summary>
    public string Reference => BrandReference.Of(Id);
}
