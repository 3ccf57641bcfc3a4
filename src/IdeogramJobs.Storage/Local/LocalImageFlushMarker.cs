using System.Globalization;
using System.Text;

namespace IdeogramJobs.Storage.Local;

/// <summary>
/// The file .flushed in the image root: the moment before which every image file written to the volume
/// was synced to disk. The flusher rewrites it after each sync (the new value becomes durable with the next
/// sync, so after a power loss it is at worst one sync old, which only widens the repair's look-back).
/// The value found when the process started is kept, so the repair pass knows which rows to check even
/// after this process has flushed again; and the marker is not moved on until that pass has finished
/// (<see cref="RepairPassFinished"/>), so a process that dies before then leaves the next start the same
/// rows to check. A leading dot keeps the file server from ever serving it.
/// </summary>
public sealed class LocalImageFlushMarker(LocalImageRoot root)
{
    public const string FileName = ".flushed";

    private readonly Lock gate = new();
    private readonly Lazy<MarkerAtStart> atStart = new(() => Read(Path.Combine(root.FullPath, FileName)), LazyThreadSafetyMode.ExecutionAndPublication);
    private bool exists;
    private bool repaired;

    public string FullPath { get; } = Path.Combine(root.FullPath, FileName);

    /// <summary>
    /// What the marker said before this process wrote it: null when there was none (no image was ever
    /// written without its own fsync, so nothing can be missing), <see cref="DateTimeOffset.MinValue"/>
    /// when it could not be read (every row is checked).
    /// </summary>
    public DateTimeOffset? FlushedBeforeAtStart => atStart.Value.FlushedBefore;

    /// <summary>
    /// Before the first image written without an fsync: a marker durable on disk, so that after a crash the
    /// repair pass always finds one when such images may exist.
    /// </summary>
    public void EnsureExists(DateTimeOffset now)
    {
        if (Volatile.Read(ref exists))
        {
            return;
        }

        lock (gate)
        {
            if (exists)
            {
                return;
            }

            if (atStart.Value.FlushedBefore is null)
            {
                Write(now, durably: true);
            }

            Volatile.Write(ref exists, true);
        }
    }

    /// <summary>The repair pass has checked every row the marker found at start asked for: the marker may move on.</summary>
    public void RepairPassFinished() => Volatile.Write(ref repaired, true);

    /// <summary>
    /// Records that every file written before <paramref name="flushedBefore"/> is on disk; kept back while
    /// the marker found at start still awaits its repair pass.
    /// </summary>
    public void Record(DateTimeOffset flushedBefore)
    {
        lock (gate)
        {
            if (atStart.Value.FlushedBefore is not null && !Volatile.Read(ref repaired))
            {
                return;
            }

            Write(flushedBefore, durably: false);
            Volatile.Write(ref exists, true);
        }
    }

    private void Write(DateTimeOffset flushedBefore, bool durably)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        // Written aside and renamed over, so a crash leaves the old value or the new one, never a torn one.
        var temporary = FullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.ASCII.GetBytes(flushedBefore.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
                if (durably)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temporary, FullPath, overwrite: true);
            if (durably && LocalImageVolume.SyncsWholeVolume)
            {
                // The rename itself (the root folder's entry) is durable only once the folder is synced.
                using var marker = File.OpenHandle(FullPath, FileMode.Open, FileAccess.Read);
                LocalImageVolume.Sync(marker);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static MarkerAtStart Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new MarkerAtStart(null);
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new MarkerAtStart(value)
            : new MarkerAtStart(DateTimeOffset.MinValue);
    }

    private sealed record MarkerAtStart(DateTimeOffset? FlushedBefore);
}
