using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Sirv;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage;

/// <summary>
/// Builds an image's absolute URL from what is stored (its URL as written and its storage path) when it
/// is handed out, so addresses follow the service instead of being frozen at write time. Images on local
/// disk are served under the service's base (PUBLIC_BASE_URL, or what the caller knows of its address);
/// this covers rows written under any earlier base, whose /media/ path is kept and their base replaced.
/// Images on Sirv are served under SIRV_PUBLIC_URL when it is set and the storage path is known; any
/// other URL is handed out as it was stored. The API's answers and the webhook payloads both use it.
/// </summary>
public sealed class ImageUrlBuilder(IOptions<LocalImageStorageOptions> local, IOptions<SirvOptions> sirv)
{
    private const string MediaSegment = "/media";

    /// <summary>PUBLIC_BASE_URL without its trailing slash when it is set explicitly; null otherwise.</summary>
    public string? ConfiguredServiceBase =>
        local.Value.PublicBaseUrl is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured.Trim().TrimEnd('/') : null;

    /// <summary>
    /// The URL to hand out. <paramref name="serviceBase"/> is where the API is reached; null keeps a local-disk
    /// URL's own base (nothing better is known).
    /// </summary>
    public string For(string? serviceBase, string storedUrl, string? storagePath)
    {
        if (!Uri.TryCreate(storedUrl, UriKind.Absolute, out var stored))
        {
            return storedUrl;
        }

        if (serviceBase is not null && MediaPath(stored, storagePath) is { } mediaPath)
        {
            return serviceBase.TrimEnd('/') + LocalImageFiles.UrlPathPrefix + mediaPath;
        }

        if (storagePath is { Length: > 1 } && sirv.Value.PublicUrl is { Length: > 0 } sirvBase
            && stored.AbsolutePath.EndsWith(ImageStoragePath.ToUrlPath(storagePath), StringComparison.Ordinal))
        {
            return ImageStoragePath.ToPublicUrl(sirvBase.Trim(), storagePath);
        }

        return storedUrl;
    }

    /// <summary>
    /// The URL-encoded path after /media/ when the stored URL is a local-disk one: it ends with /media plus
    /// the storage path, or (no storage path known) its path holds /media/ followed by a path the file
    /// server would accept.
    /// </summary>
    private static string? MediaPath(Uri stored, string? storagePath)
    {
        var path = stored.AbsolutePath;
        if (storagePath is { Length: > 1 })
        {
            var expected = MediaSegment + ImageStoragePath.ToUrlPath(storagePath);
            return path.EndsWith(expected, StringComparison.Ordinal) ? expected[LocalImageFiles.UrlPathPrefix.Length..] : null;
        }

        var start = path.IndexOf(LocalImageFiles.UrlPathPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var relative = path[(start + LocalImageFiles.UrlPathPrefix.Length)..];
        var segments = relative.Split('/');
        var fileName = segments[^1];
        var extensionStart = fileName.LastIndexOf('.');
        var looksStored = extensionStart > 0
            && segments[..^1].All(segment => ImageStoragePath.IsSafeSegment(segment))
            && ImageStoragePath.IsSafeSegment(fileName.AsSpan(0, extensionStart))
            && ImageFormat.FromExtension(fileName[(extensionStart + 1)..]) is not null;
        return looksStored ? relative : null;
    }
}
