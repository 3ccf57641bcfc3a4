namespace IdeogramJobs.Storage;

/// <summary>Where an image was stored and what was stored.</summary>
/// <param name="PublicUrl">The stable URL the image is served from.</param>
/// <param name="StoragePath">The path inside the store, starting with '/'.</param>
/// <param name="ContentType">The real MIME type of the stored bytes.</param>
/// <param name="SizeBytes">The number of bytes stored.</param>
/// <param name="Sha256">The lower-case hex SHA-256 of the stored bytes.</param>
public sealed record StoredImage(string PublicUrl, string StoragePath, string ContentType, long SizeBytes, string Sha256);
