using IdeogramJobs.Contracts.Images;

namespace IdeogramJobs.Storage;

/// <summary>An image format the stores accept, with its file extension and MIME type.</summary>
public sealed record ImageFormat(string Extension, string ContentType)
{
    public static readonly ImageFormat Png = new("png", "image/png");
    public static readonly ImageFormat Jpeg = new("jpg", "image/jpeg");
    public static readonly ImageFormat Webp = new("webp", "image/webp");

    public static IReadOnlyList<ImageFormat> All { get; } = [Png, Jpeg, Webp];

    /// <summary>Recognises the format from the file signature; null when the bytes are none of the accepted formats.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> content) => FromContentType(ImageSignature.Detect(content));

    /// <summary>The format a declared MIME type names (parameters ignored, image/jpg accepted); null when unsupported.</summary>
    public static ImageFormat? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (mediaType.Equals("image/jpg", StringComparison.OrdinalIgnoreCase))
        {
            return Jpeg;
        }

        return All.FirstOrDefault(format => format.ContentType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The format a file extension (without the dot) names; null when unsupported.</summary>
    public static ImageFormat? FromExtension(string extension) =>
        All.FirstOrDefault(format => format.Extension.Equals(extension, StringComparison.Ordinal));
}
