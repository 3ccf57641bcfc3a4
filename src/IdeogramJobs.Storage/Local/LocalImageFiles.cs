using System.Diagnostics.CodeAnalysis;

namespace IdeogramJobs.Storage.Local;

/// <summary>
/// Opens locally stored images for the API to serve at PUBLIC_BASE_URL/media/&lt;path&gt;. Only paths the
/// store itself produces are accepted, so nothing outside the image root (or any non-image file) can be read.
/// </summary>
public sealed class LocalImageFiles(LocalImageRoot root)
{
    /// <summary>The URL path under which the API serves local images.</summary>
    public const string UrlPathPrefix = "/media/";

    private const int MaxPathLength = 512;

    /// <summary>
    /// Opens an image by its path relative to the image root, as it appears in the URL after /media/
    /// (e.g. ideogram-jobs/acct/42/42-0-0123456789ab.png). Refuses anything else: empty, absolute or
    /// backslashed paths, '.' or '..' segments, percent-encoding, characters outside a-z A-Z 0-9 - _,
    /// extensions other than png/jpg/webp, symbolic links, and anything resolving outside the root.
    /// </summary>
    /// <returns>True with an open read-only stream and the image's MIME type; false when refused or missing.</returns>
    public bool TryOpen(string? relativePath, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(true)] out string? contentType)
    {
        stream = null;
        contentType = null;
        if (!TryResolve(relativePath, out var fullPath, out var format))
        {
            return false;
        }

        try
        {
            stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        contentType = format.ContentType;
        return true;
    }

    private bool TryResolve(string? relativePath, [NotNullWhen(true)] out string? fullPath, [NotNullWhen(true)] out ImageFormat? format)
    {
        fullPath = null;
        format = null;
        if (string.IsNullOrEmpty(relativePath) || relativePath.Length > MaxPathLength || relativePath.StartsWith('/'))
        {
            return false;
        }

        var segments = relativePath.Split('/');
        var fileName = segments[^1];
        var extensionStart = fileName.LastIndexOf('.');
        if (extensionStart <= 0
            || !segments[..^1].All(segment => ImageStoragePath.IsSafeSegment(segment))
            || !ImageStoragePath.IsSafeSegment(fileName.AsSpan(0, extensionStart)))
        {
            return false;
        }

        format = ImageFormat.FromExtension(fileName[(extensionStart + 1)..]);
        if (format is null)
        {
            return false;
        }

        // The character rules already exclude traversal; the resolved-path and link checks are a second wall.
        var rootPath = root.FullPath;
        var candidate = Path.GetFullPath(Path.Combine(rootPath, Path.Combine(segments)));
        if (!candidate.StartsWith(rootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) || ContainsLink(rootPath, segments))
        {
            return false;
        }

        if (!File.Exists(candidate))
        {
            return false;
        }

        fullPath = candidate;
        return true;
    }

    /// <summary>True when any folder or the file on the way down from the root is a symbolic link.</summary>
    private static bool ContainsLink(string root, string[] segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
            {
                return true;
            }
        }

        return false;
    }
}
