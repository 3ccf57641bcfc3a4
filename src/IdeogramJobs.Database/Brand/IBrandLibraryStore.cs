using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Brand;

/// <summary>An account's brand library: named entries, and their image bytes kept once per account.</summary>
public interface IBrandLibraryStore
{
    Task<IReadOnlyList<BrandAsset>> ListAsync(string accountId, BrandAssetKind kind, CancellationToken cancellationToken);

    /// <summary>The account's entries among <paramref name="ids"/>; another account's ids are simply absent.</summary>
    Task<IReadOnlyList<BrandAsset>> GetAsync(string accountId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The image of a style reference entry, or null.</summary>
    Task<StyleReferenceUpload?> GetImageAsync(string accountId, long id, CancellationToken cancellationToken);

    /// <summary>The entry as stored, or null when the account already has one of that kind and name.</summary>
    Task<BrandAsset?> InsertAsync(string accountId, BrandAssetDraft draft, CancellationToken cancellationToken);

    /// <summary>Renames the entry and replaces its value (codes or palette); the outcome says whether it existed or the name was taken.</summary>
    Task<(BrandWriteOutcome Outcome, BrandAsset? Asset)> UpdateAsync(string accountId, long id, BrandAssetDraft draft, CancellationToken cancellationToken);

    /// <summary>Deletes the entry, and its image bytes when no other entry shares them.</summary>
    Task<bool> DeleteAsync(string accountId, long id, CancellationToken cancellationToken);
}
