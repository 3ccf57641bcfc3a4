namespace IdeogramJobs.Database.Images;

/// <summary>The image rows the local-disk repair pass checks after a crash, and how it marks a lost file.</summary>
public interface IImageFileRecords
{
    /// <summary>
    /// Job image rows on local disk (a /media/ URL and a storage path) recorded at or after
    /// <paramref name="sinceUtc"/>, newest first, leaving out those already marked lost.
    /// </summary>
    Task<IReadOnlyList<ImageFileRow>> ListRecordedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an image whose file is gone: generation_metadata.fileLostAt is set, the row and its seed and
    /// settings are kept, so the job can be regenerated (exactly, from the recorded seed).
    /// </summary>
    Task MarkFileLostAsync(long imageId, CancellationToken cancellationToken);
}
