using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Local;

/// <summary>
/// Stores images on local disk under <see cref="LocalImageRoot"/>, served by the API at
/// PUBLIC_BASE_URL/media/&lt;path&gt;, in 256 shard folders (<see cref="ImageStoragePath.BuildSharded"/>);
/// files of the older folder-per-job layout keep being served and deleted by their recorded paths.
/// Writes go to a temporary file that is then moved into place, so a reader or a crash never sees a
/// partial image. On Linux a file gets no fsync of its own: the database row is the commit point,
/// <see cref="LocalImageVolumeFlusher"/> syncs the volume every interval, and the repair pass at start
/// handles rows whose file an OS crash lost.
/// </summary>
public sealed class LocalDiskImageStore(
    LocalImageRoot root,
    LocalImageFlushMarker marker,
    LocalImageVolumeFlusher flusher,
    IOptions<LocalImageStorageOptions> options,
    TimeProvider time,
    ILogger<LocalDiskImageStore> logger) : IImageStore
{
    private readonly string publicBaseUrl = options.Value.ResolvePublicBaseUrl().TrimEnd('/') + LocalImageFiles.UrlPathPrefix.TrimEnd('/');

    public string Name => "disk";

    public async Task<StoredImage> SaveAsync(ImageToStore image, CancellationToken cancellationToken)
    {
        var prepared = PreparedImage.CreateSharded(image, ImageStoragePath.DefaultFolder);
        if (prepared.DeclaredTypeDisagrees)
        {
            logger.LogWarning(
                "Image {ImageIndex} of job {JobId} for account {AccountId} was declared as {DeclaredContentType} but its bytes are {ContentType}; storing it as {ContentType}",
                image.Index, image.JobId, image.AccountId, image.ContentType, prepared.Format.ContentType, prepared.Format.ContentType);
        }

        var target = root.FileFor(prepared.StoragePath);
        try
        {
            await WriteAtomicallyAsync(prepared, target, cancellationToken);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ImageStorageException(
                $"Not allowed to write {prepared.StoragePath} under the image folder ({LocalImageStorageOptions.StoragePathVariable}).",
                isTransient: false, retryAfter: null, exception);
        }
        catch (IOException exception)
        {
            throw new ImageStorageException(
                $"Could not write {prepared.StoragePath} under the image folder ({LocalImageStorageOptions.StoragePathVariable}): {exception.Message}",
                isTransient: true, retryAfter: null, exception);
        }

        logger.LogInformation(
            "Stored image {ImageIndex} of job {JobId} for account {AccountId} on local disk at {StoragePath} ({SizeBytes} bytes, {ContentType})",
            image.Index, image.JobId, image.AccountId, prepared.StoragePath, prepared.SizeBytes, prepared.Format.ContentType);
        return prepared.ToStoredImage(ImageStoragePath.ToPublicUrl(publicBaseUrl, prepared.StoragePath));
    }

    public Task DeleteAsync(string storagePath, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(root.FileFor(storagePath));
        if (!target.StartsWith(root.FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ImageStorageException($"Refused to delete {storagePath}: it is outside the image folder.", isTransient: false);
        }

        try
        {
            File.Delete(target);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone with its folder.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ImageStorageException(
                $"Could not delete {storagePath} under the image folder ({LocalImageStorageOptions.StoragePathVariable}): {exception.Message}",
                isTransient: exception is IOException, retryAfter: null, exception);
        }

        return Task.CompletedTask;
    }

    private async Task WriteAtomicallyAsync(PreparedImage prepared, string target, CancellationToken cancellationToken)
    {
        if (await HoldsSameContentAsync(target, prepared, cancellationToken))
        {
            return;
        }

        var syncedLater = LocalImageVolume.SyncsWholeVolume;
        if (syncedLater)
        {
            marker.EnsureExists(time.GetUtcNow());
        }

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        // A leading dot and the .tmp extension keep LocalImageFiles from ever serving an unfinished file.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(prepared.Image.Content, cancellationToken);
                if (!syncedLater)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // A concurrent save of the same image won the race; only replace what it wrote if it differs.
                if (!await HoldsSameContentAsync(target, prepared, cancellationToken))
                {
                    File.Move(temporary, target, overwrite: true);
                }
            }

            if (syncedLater)
            {
                flusher.Written();
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<bool> HoldsSameContentAsync(string path, PreparedImage prepared, CancellationToken cancellationToken)
    {
        var existing = new FileInfo(path);
        if (!existing.Exists || existing.Length != prepared.SizeBytes)
        {
            return false;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash) == prepared.Sha256;
    }
}
