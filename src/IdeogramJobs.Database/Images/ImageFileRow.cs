namespace IdeogramJobs.Database.Images;

/// <summary>A job's image row whose file is on local disk, with what a check of the file needs.</summary>
/// <param name="ImageId">image_id.</param>
/// <param name="AccountId">The owning account.</param>
/// <param name="JobId">The job the image belongs to.</param>
/// <param name="Index">The image's position in the job.</param>
/// <param name="StoragePath">The file's path inside the image root (source_image_id_external).</param>
/// <param name="SizeBytes">The recorded length (generation_metadata.sizeBytes); null when not recorded.</param>
/// <param name="Sha256">The recorded SHA-256 (generation_metadata.sha256); null when not recorded.</param>
/// <param name="ProviderUrl">Ideogram's link for the image in the job's kept generation, if any.</param>
public sealed record ImageFileRow(long ImageId, string AccountId, long JobId, int Index, string StoragePath, long? SizeBytes, string? Sha256, string? ProviderUrl);
