using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Local;

/// <summary>
/// Syncs the image volume every IMAGE_FLUSH_INTERVAL_MS when images were written since the last sync, and
/// once more on shutdown, then moves the <see cref="LocalImageFlushMarker"/> forward. Image files are written
/// to the page cache only (a process crash, even kill -9, loses none of them); this bounds what an OS crash
/// or power loss can lose to the files of the last interval, which the repair pass at start finds from their rows.
/// </summary>
public sealed class LocalImageVolumeFlusher(
    LocalImageFlushMarker marker,
    IOptions<LocalImageStorageOptions> options,
    TimeProvider time,
    ILogger<LocalImageVolumeFlusher> logger) : BackgroundService
{
    private long unsynced;

    /// <summary>Called after an image file was written without an fsync of its own.</summary>
    public void Written() => Interlocked.Increment(ref unsynced);

    /// <summary>
    /// Syncs the volume if anything was written since the last sync and records the moment taken before
    /// it in the marker. Returns whether a sync ran.
    /// </summary>
    /// <exception cref="IOException">The sync failed; the writes stay counted for the next one.</exception>
    public bool Flush()
    {
        // Taken before the sync: every file whose write finished before this moment is in the sync.
        var before = time.GetUtcNow();
        var written = Interlocked.Exchange(ref unsynced, 0);
        if (written == 0)
        {
            return false;
        }

        try
        {
            using (var handle = File.OpenHandle(marker.FullPath, FileMode.Open, FileAccess.Read))
            {
                LocalImageVolume.Sync(handle);
            }

            marker.Record(before);
            return true;
        }
        catch
        {
            Interlocked.Add(ref unsynced, written);
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                FlushLogged();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync syncs what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        FlushLogged();
    }

    private void FlushLogged()
    {
        try
        {
            Flush();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogError(exception, "Syncing the image volume ({StoragePathVariable}) failed; images written since the last sync stay in the page cache and are synced on the next try",
                LocalImageStorageOptions.StoragePathVariable);
        }
    }
}
