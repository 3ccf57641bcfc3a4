
namespace IdeogramJobs.Database.Queries;

/// <summary>An account's generated images (ssnews_image_assets rows linked to its image jobs).</summary>
public interface IImageQueries
{
    Task<Page<ImageRecord>> ListAsync(string accountId, ImageQuery query, CancellationToken cancellationToken);

    /// <summary>The account's images among the ids, in the order asked; other accounts' ids are left out.</summary>
    Task<IReadOnlyList<ImageRecord>> GetAsync(string accountId, IReadOnlyList<long> imageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Sets status on the account's images among the ids (and is_approved_human where an older
    /// database still has it); returns the ids that belong to the account.
    /// </summary>
    Task<IReadOnlyList<long>> SetStatusAsync(string accountId, IReadOnlyList<long> imageIds, ImageStatus status, CancellationToken cancellationToken);
}
