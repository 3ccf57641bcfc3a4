using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Brand;

/// <summary>One account's brand library (key: account_id): its named style codes, palettes and style images.</summary>
[Alias("ideogramjobs.brand-library-grain")]
public interface IBrandLibraryGrain : IGrainWithStringKey
{
    [Alias("list")]
    Task<IReadOnlyList<BrandAsset>> ListAsync(BrandAssetKind kind);

    [Alias("get")]
    Task<BrandAsset?> GetAsync(BrandAssetKind kind, long id);

    [Alias("image")]
    Task<StyleReferenceUpload?> GetImageAsync(long id);

    [Alias("add")]
    Task<BrandWriteResult> AddAsync(BrandAssetDraft draft);

    [Alias("update")]
    Task<BrandWriteResult> UpdateAsync(long id, BrandAssetDraft draft);

    /// <summary>Refused (<see cref="BrandWriteOutcome.InUse"/>) while a job type's defaults name the entry.</summary>
    [Alias("delete")]
    Task<BrandWriteResult> DeleteAsync(BrandAssetKind kind, long id);

    /// <summary>Replaces each <c>brand:{id}</c> in the settings by the library's value, once, at submission.</summary>
    [Alias("resolve")]
    Task<BrandResolution> ResolveAsync(JobSettings settings);
}
