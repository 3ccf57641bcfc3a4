using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Images;

/// <summary>Generated images in ssnews_image_assets, one row per (job, image index).</summary>
public interface IImageAssetStore
{
    /// <summary>
    /// Records an image of a job and returns its image_id. Idempotent on (job_id, image_index):
    /// recording the same index again (a job resumed after a crash) updates that row instead of
    /// adding one, so an image is never recorded twice.
    /// </summary>
    Task<long?> RecordAsync(NewImageAsset image, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobImage>> ListForJobAsync(long jobId, CancellationToken cancellationToken);
}
