using System.Globalization;
using System.Security.Cryptography;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// Writes a peer's images as the service's local-disk store writes ours: one of 256 shared folders chosen
/// by the content hash, the file named by job, index and hash, written to a temporary file without an fsync
/// (ours syncs the volume about once a second instead) and moved into place.
/// </summary>
public sealed class PeerImageFiles(string root, string publicBaseUrl)
{
    /// <summary>Stores one image; returns its path under the root and its public URL.</summary>
    public async Task<(string StoragePath, string Url)> SaveAsync(long jobId, int index, byte[] content, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var job = jobId.ToString(CultureInfo.InvariantCulture);
        var storagePath = $"peer-jobs/{hash[..2]}/{job}-{index.ToString(CultureInfo.InvariantCulture)}-{hash[..12]}.png";
        var target = Path.Combine(root, storagePath);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
        return (storagePath, $"{publicBaseUrl.TrimEnd('/')}/media/{storagePath}");
    }
}
