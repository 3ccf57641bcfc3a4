namespace IdeogramJobs.Storage.Local;

/// <summary>An image row whose file should be on local disk, as the repair pass checks it.</summary>
/// <param name="ImageId">The row's image_id.</param>
/// <param name="StoragePath">The recorded path inside the image root, starting with '/'.</param>
/// <param name="SizeBytes">The recorded length of the file.</param>
/// <param name="Sha256">The recorded lower-case hex SHA-256 of the file.</param>
/// <param name="ProviderUrl">Where Ideogram served the image, while its link lives; null when not known.</param>
public sealed record RecordedImageFile(long ImageId, string StoragePath, long SizeBytes, string Sha256, Uri? ProviderUrl);
