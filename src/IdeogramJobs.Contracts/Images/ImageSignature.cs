using System.Net.Http.Headers;

namespace IdeogramJobs.Contracts.Images;

/// <summary>
/// Recognises PNG, JPEG and WebP by their leading bytes, so a declared content type can be
/// checked against what the bytes really are (uploads and downloads alike).
/// </summary>
public static class ImageSignature
{
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Riff => "RIFF"u8;
    private static ReadOnlySpan<byte> Webp => "WEBP"u8;

    /// <summary>"image/png", "image/jpeg", "image/webp", or null when the bytes are none of them.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Png))
        {
            return "image/png";
        }

        if (content.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (content.Length >= 12 && content.StartsWith(Riff) && content.Slice(8, 4).SequenceEqual(Webp))
        {
            return "image/webp";
        }

        return null;
    }

    /// <summary>The bare media type of a Content-Type value, lower-case ("image/png"), or null if unparsable.</summary>
    public static string? MediaTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } mediaType
            ? mediaType.ToLowerInvariant()
            : null;

    /// <summary>The file extension Ideogram would expect for an accepted media type.</summary>
    public static string ExtensionFor(string mediaType) => mediaType switch
    {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        _ => "bin",
    };
}
