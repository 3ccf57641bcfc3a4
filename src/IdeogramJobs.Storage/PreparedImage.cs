using System.Security.Cryptography;

namespace IdeogramJobs.Storage;

/// <summary>An image checked and named for storage: its real format, hash and path.</summary>
internal sealed record PreparedImage(
    ImageToStore Image,
    ImageFormat Format,
    string Sha256,
    string StoragePath,
    bool DeclaredTypeDisagrees)
{
    public long SizeBytes => Image.Content.Length;

    /// <summary>
    /// Validates the image and derives its path. The format comes from the bytes, not the declared type,
    /// so the extension and Content-Type always match what is stored.
    /// </summary>
    /// <exception cref="ImageStorageException">The bytes are not PNG, JPEG or WebP (permanent).</exception>
    public static PreparedImage Create(ImageToStore image, string folder) =>
        Create(image, (format, sha256) => ImageStoragePath.Build(folder, image.AccountId, image.JobId, image.Index, sha256, format));

    /// <summary>As <see cref="Create(ImageToStore, string)"/>, named in the local disk's sharded layout.</summary>
    public static PreparedImage CreateSharded(ImageToStore image, string folder) =>
        Create(image, (format, sha256) => ImageStoragePath.BuildSharded(folder, image.JobId, image.Index, sha256, format));

    private static PreparedImage Create(ImageToStore image, Func<ImageFormat, string, string> pathOf)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrWhiteSpace(image.AccountId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(image.JobId);
        ArgumentOutOfRangeException.ThrowIfNegative(image.Index);

        var format = ImageFormat.Detect(image.Content.Span);
        if (format is null)
        {
            throw new ImageStorageException(
                $"Image {image.Index} of job {image.JobId} is not a PNG, JPEG or WebP image " +
                $"({image.Content.Length} bytes, declared content type '{image.ContentType}').",
                isTransient: false);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(image.Content.Span));
        var path = pathOf(format, sha256);
        var declared = ImageFormat.FromContentType(image.ContentType);
        return new PreparedImage(image, format, sha256, path, DeclaredTypeDisagrees: declared != format);
    }

    public StoredImage ToStoredImage(string publicUrl) =>
        new(publicUrl, StoragePath, Format.ContentType, SizeBytes, Sha256);

    public override string ToString() => $"PreparedImage {{ {StoragePath}, {Format.ContentType}, {SizeBytes} bytes }}";
}
