using System.Globalization;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Storage;
using IdeogramJobs.Storage.Local;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.ImageFiles;

/// <summary>
/// The repair pass at a silo's start: the image rows recorded since the volume's last sync before this
/// start (the flush marker, less a minute for clock difference) get their files checked. A file an OS
/// crash or power loss lost is downloaded again while Ideogram's link lives; otherwise its row is marked
/// lost (generation_metadata.fileLostAt) and the job's log says to regenerate it. A pass that fails is
/// tried again until it finishes; until then the marker stays where it was.
/// </summary>
public sealed class ImageFileRepairAtStart(
    LocalImageRepair repair,
    LocalImageFlushMarker marker,
    IImageFileRecords records,
    ISystemLog systemLog,
    IIdeogramClient ideogram,
    TimeProvider time,
    ILogger<ImageFileRepairAtStart> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
                marker.RepairPassFinished();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "The image-file repair pass failed; trying again in {RetryDelaySeconds} s", RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    /// <summary>Checks the rows the marker found at start asks for; returns how many files were restored and lost.</summary>
    public async Task<(int Checked, int Restored, int Lost)> RunPassAsync(CancellationToken cancellationToken)
    {
        if (repair.CheckRowsRecordedSince is not { } since)
        {
            return (0, 0, 0);
        }

        var rows = await records.ListRecordedSinceAsync(since.UtcDateTime, cancellationToken);
        int restored = 0, lost = 0;
        foreach (var row in rows)
        {
            var outcome = row.SizeBytes is { } size && row.Sha256 is { } sha256
                ? await repair.RepairAsync(new RecordedImageFile(row.ImageId, row.StoragePath, size, sha256, ProviderLink(row)), DownloadAsync, cancellationToken)
                : ImageFileRepairOutcome.Intact;
            if (outcome == ImageFileRepairOutcome.Restored)
            {
                restored++;
            }
            else if (outcome == ImageFileRepairOutcome.Lost)
            {
                lost++;
                await records.MarkFileLostAsync(row.ImageId, cancellationToken);
                await systemLog.WriteAsync(
                    SystemLogLevel.Warn,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Image {row.Index + 1}'s file was lost: the machine stopped before it reached the disk and Ideogram's link for it has expired. Regenerate the job to replace it (its seed and settings are kept)."),
                    row.JobId, row.AccountId, null, cancellationToken);
            }
        }

        logger.LogInformation(
            "Image-file repair pass: {Checked} image(s) recorded since {Since:O} checked, {Restored} restored from Ideogram, {Lost} lost",
            rows.Count, since, restored, lost);
        return (rows.Count, restored, lost);
    }

    private static Uri? ProviderLink(ImageFileRow row) =>
        Uri.TryCreate(row.ProviderUrl, UriKind.Absolute, out var link) ? link : null;

    private async Task<ReadOnlyMemory<byte>> DownloadAsync(Uri link, CancellationToken cancellationToken)
    {
        var images = await ideogram.DownloadAsync([new GeneratedImageLink(link, string.Empty, null, null, null, IsImageSafe: true)], cancellationToken);
        return images[0].Content ?? throw new ImageStorageException("Ideogram answered the download without content.", isTransient: false);
    }
}
