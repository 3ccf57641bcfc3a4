using System.Globalization;
using System.Security.Cryptography;
using System.Web;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Storage.Local;

/// <summary>
/// After an OS crash or power loss, the image rows committed since the last sync of the volume may point
/// at files that never reached the disk (missing, empty or cut short). This checks each such row's file
/// against its recorded length and SHA-256; a bad one is downloaded again from Ideogram's link while the
/// link's exp has not passed (the bytes must hash as recorded), written durably, or else removed and
/// reported lost for the caller to mark.
/// </summary>
public sealed class LocalImageRepair(LocalImageRoot root, LocalImageFlushMarker marker, TimeProvider time, ILogger<LocalImageRepair> logger)
{
    /// <summary>Rows are dated by the database's clock and the marker by the silo's; this covers a difference between them.</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The rows to check are those recorded at or after this moment (UTC); null when no image was ever
    /// written without its own fsync, so none can be missing.
    /// </summary>
    public DateTimeOffset? CheckRowsRecordedSince =>
        marker.FlushedBeforeAtStart is { } flushedBefore
            ? (flushedBefore == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : flushedBefore - ClockMargin)
            : null;

    /// <summary>Checks one row's file and restores it when it can.</summary>
    /// <param name="download">Fetches the bytes behind a provider link; throws when it cannot.</param>
    public async Task<ImageFileRepairOutcome> RepairAsync(
        RecordedImageFile image, Func<Uri, CancellationToken, Task<ReadOnlyMemory<byte>>> download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var target = Path.GetFullPath(root.FileFor(image.StoragePath));
        if (!target.StartsWith(root.FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ImageStorageException($"Refused to check {image.StoragePath}: it is outside the image folder.", isTransient: false);
        }

        if (await MatchesAsync(target, image, cancellationToken))
        {
            return ImageFileRepairOutcome.Intact;
        }

        if (await DownloadAgainAsync(image, download, cancellationToken) is { } content)
        {
            WriteDurably(target, content);
            logger.LogWarning("Image {ImageId}'s file {StoragePath} was missing or damaged after a crash and was downloaded again from Ideogram", image.ImageId, image.StoragePath);
            return ImageFileRepairOutcome.Restored;
        }

        File.Delete(target);
        logger.LogWarning("Image {ImageId}'s file {StoragePath} was missing or damaged after a crash and Ideogram's link is gone; the image is lost", image.ImageId, image.StoragePath);
        return ImageFileRepairOutcome.Lost;
    }

    /// <summary>True while the link's exp (Unix seconds, as Ideogram signs its links) has not passed; a link without one is tried.</summary>
    public bool LinkMayStillWork(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var expires = HttpUtility.ParseQueryString(link.Query)["exp"];
        return expires is null
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(seconds) > time.GetUtcNow();
    }

    private async Task<ReadOnlyMemory<byte>?> DownloadAgainAsync(
        RecordedImageFile image, Func<Uri, CancellationToken, Task<ReadOnlyMemory<byte>>> download, CancellationToken cancellationToken)
    {
        if (image.ProviderUrl is not { } link || !LinkMayStillWork(link))
        {
            return null;
        }

        ReadOnlyMemory<byte> content;
        try
        {
            content = await download(link, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Downloading image {ImageId} again from Ideogram failed", image.ImageId);
            return null;
        }

        if (content.Length != image.SizeBytes || Convert.ToHexStringLower(SHA256.HashData(content.Span)) != image.Sha256)
        {
            logger.LogWarning("Image {ImageId} downloaded again from Ideogram differs from the one recorded ({SizeBytes} bytes); not restored", image.ImageId, content.Length);
            return null;
        }

        return content;
    }

    private static async Task<bool> MatchesAsync(string path, RecordedImageFile image, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != image.SizeBytes)
        {
            return false;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)) == image.Sha256;
    }

    /// <summary>A repair is rare, so it pays for its own fsync (and the volume's, for the folder entry).</summary>
    private static void WriteDurably(string target, ReadOnlyMemory<byte> content)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content.Span);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            if (LocalImageVolume.SyncsWholeVolume)
            {
                using var handle = File.OpenHandle(target, FileMode.Open, FileAccess.Read);
                LocalImageVolume.Sync(handle);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
