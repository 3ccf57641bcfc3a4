using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Storage;
using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Sirv;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Images;

/// <summary>
/// Builds an image's absolute URL when answering, so addresses follow the service instead of being
/// frozen at write time. Images on local disk are served under PUBLIC_BASE_URL when it is set, or else
/// under the scheme and host the request came to; this covers rows written under any earlier base,
/// whose /media/ path is kept and their base replaced. Images on Sirv are served under SIRV_PUBLIC_URL
/// when it is set and the storage path is known; any other URL is answered as it was stored.
/// </summary>
public sealed class ImageUrls(IOptions<LocalImageStorageOptions> local, IOptions<SirvOptions> sirv)
{
    private const string MediaSegment = "/media";

    public JobImage For(HttpRequest request, JobImage image) => image with { Url = For(request, image.Url, image.StoragePath) };

    public string For(HttpRequest request, string storedUrl, string? storagePath)
    {
        if (!Uri.TryCreate(storedUrl, UriKind.Absolute, out var stored))
        {
            return storedUrl;
        }

        if (MediaPath(stored, storagePath) is { } mediaPath)
        {
            return ServiceBase(request) + LocalImageFiles.UrlPathPrefix + mediaPath;
        }

        if (storagePath is { Length: > 1 } && sirv.Value.PublicUrl is { Length: > 0 } sirvBase
            && stored.AbsolutePath.EndsWith(ImageStoragePath.ToUrlPath(storagePath), StringComparison.Ordinal))
        {
            return ImageStoragePath.ToPublicUrl(sirvBase.Trim(), storagePath);
        }

        return storedUrl;
    }

    /// <summary>Where the API is reached: PUBLIC_BASE_URL when set explicitly, else the request's own scheme, host and base path.</summary>
    public string ServiceBase(HttpRequest request) =>
        local.Value.PublicBaseUrl is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim().TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

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
