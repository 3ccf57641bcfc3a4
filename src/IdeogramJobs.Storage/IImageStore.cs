namespace IdeogramJobs.Storage;

/// <summary>Stores generated images where the public can fetch them.</summary>
public interface IImageStore
{
    /// <summary>What the store is, for metrics and traces: sirv or disk.</summary>
    string Name { get; }

    /// <summary>
    /// Stores one image under a path derived from the account, the job, the index and the content hash,
    /// so saving the same image again yields the same path and URL instead of a duplicate.
    /// </summary>
    /// <exception cref="ImageStorageException">The image could not be stored; <see cref="ImageStorageException.IsTransient"/> says whether a later retry may succeed.</exception>
    Task<StoredImage> SaveAsync(ImageToStore image, CancellationToken cancellationToken);
}
