using IdeogramJobs.Contracts.Brand;

namespace IdeogramJobs.Database.Brand;

/// <summary>The values of ideogram_brand_assets.kind.</summary>
internal static class BrandAssetKinds
{
    public static string ToDatabase(this BrandAssetKind kind) => kind switch
    {
        BrandAssetKind.StyleCodes => "style_codes",
        BrandAssetKind.Palette => "palette",
        BrandAssetKind.StyleReference => "style_reference",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static BrandAssetKind FromDatabase(string value) => value switch
    {
        "style_codes" => BrandAssetKind.StyleCodes,
        "palette" => BrandAssetKind.Palette,
        "style_reference" => BrandAssetKind.StyleReference,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
