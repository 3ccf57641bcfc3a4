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

    /// <summary>Deletes a stored image by its storage path (as <see cref="StoredImage.StoragePath"/>); an image already gone is no error.</summary>
    /// <exception cref="ImageStorageException">The store could not be reached or refused the delete.</exception>
    Task DeleteAsync(string storagePath, CancellationToken cancellationToken);
}
