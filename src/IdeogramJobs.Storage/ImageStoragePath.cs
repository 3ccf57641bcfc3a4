using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IdeogramJobs.Storage;

/// <summary>
/// Builds storage paths of the form /&lt;folder&gt;/&lt;account&gt;/&lt;jobId&gt;/&lt;jobId&gt;-&lt;index&gt;-&lt;sha12&gt;.&lt;ext&gt;
/// (Sirv, and local disk before the sharded layout) or /&lt;folder&gt;/&lt;sha2&gt;/&lt;jobId&gt;-&lt;index&gt;-&lt;sha12&gt;.&lt;ext&gt;
/// (local disk), using only the characters Sirv recommends (a-z A-Z 0-9 - _) in each segment.
/// </summary>
public static class ImageStoragePath
{
    public const string DefaultFolder = "ideogram-jobs";

    private const int MaxPlainAccountLength = 64;
    private const int MaxSanitisedAccountLength = 40;
    private const int AccountHashHexLength = 16;
    private const int ContentHashHexLength = 12;
    private const int ShardHexLength = 2;

    private static readonly SearchValues<char> PlainAccountCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> SegmentCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Build(string folder, string accountId, long jobId, int index, string sha256Hex, ImageFormat format)
    {
        var job = jobId.ToString(CultureInfo.InvariantCulture);
        var position = index.ToString(CultureInfo.InvariantCulture);
        return $"/{folder}/{AccountSegment(accountId)}/{job}/{job}-{position}-{sha256Hex[..ContentHashHexLength]}.{format.Extension}";
    }

    /// <summary>
    /// The local-disk path: one of 256 shard folders named by the first two hex digits of the content hash,
    /// so a disk never gets a folder per job (creating one costs an inode and a directory block each).
    /// The job id and index keep names unique; the hash keeps them unguessable as before.
    /// </summary>
    public static string BuildSharded(string folder, long jobId, int index, string sha256Hex, ImageFormat format)
    {
        var job = jobId.ToString(CultureInfo.InvariantCulture);
        var position = index.ToString(CultureInfo.InvariantCulture);
        return $"/{folder}/{sha256Hex[..ShardHexLength]}/{job}-{position}-{sha256Hex[..ContentHashHexLength]}.{format.Extension}";
    }

    /// <summary>
    /// Account ids made only of letters, digits and '-' (UUIDs) are used as they are. Any other id is
    /// sanitised and tagged with '_' plus a hash of the original, so two different accounts never share
    /// a folder (a plain id never contains '_').
    /// </summary>
    public static string AccountSegment(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (accountId.Length <= MaxPlainAccountLength && !accountId.AsSpan().ContainsAnyExcept(PlainAccountCharacters))
        {
            return accountId;
        }

        var sanitised = new StringBuilder(accountId.Length);
        foreach (var character in accountId)
        {
            if (PlainAccountCharacters.Contains(character))
            {
                sanitised.Append(character);
            }
            else if (sanitised.Length > 0 && sanitised[^1] != '-')
            {
                sanitised.Append('-');
            }
        }

        var readable = sanitised.ToString().Trim('-');
        if (readable.Length > MaxSanitisedAccountLength)
        {
            readable = readable[..MaxSanitisedAccountLength].TrimEnd('-');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accountId)))[..AccountHashHexLength];
        return $"{(readable.Length == 0 ? "account" : readable)}_{hash}";
    }

    /// <summary>True when the text is a non-empty segment of letters, digits, '-' and '_'.</summary>
    public static bool IsSafeSegment(ReadOnlySpan<char> segment) =>
        !segment.IsEmpty && !segment.ContainsAnyExcept(SegmentCharacters);

    /// <summary>True when every '/'-separated segment of the folder is safe (no leading or trailing '/').</summary>
    public static bool IsSafeFolder(string folder) =>
        folder.Length > 0 && folder.Split('/').All(segment => IsSafeSegment(segment));

    /// <summary>Normalises a configured folder: surrounding slashes removed, blank means the default.</summary>
    public static string NormaliseFolder(string? folder) =>
        string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder.Trim().Trim('/');

    /// <summary>The storage path with each segment URL-encoded, for appending to a base URL.</summary>
    public static string ToUrlPath(string storagePath) =>
        string.Join('/', storagePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Joins a base URL and a storage path without doubling or dropping the slash between them.</summary>
    public static string ToPublicUrl(string baseUrl, string storagePath) =>
        baseUrl.TrimEnd('/') + ToUrlPath(storagePath);
}
