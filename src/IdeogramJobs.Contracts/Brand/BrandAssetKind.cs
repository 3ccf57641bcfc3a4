namespace IdeogramJobs.Contracts.Brand;

/// <summary>What a brand library entry holds.</summary>
public enum BrandAssetKind
{
    StyleCodes,
    Palette,
    StyleReference,
}
