using System.Globalization;
using System.Security.Cryptography;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.ImageFiles;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Storage.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace IdeogramJobs.Grains.Tests.ImageFiles;

/// <summary>The silo's repair pass over real files in a temporary image root; the rows, the log and Ideogram stood in for.</summary>
public sealed class ImageFileRepairAtStartTests : IDisposable
{
    private static readonly DateTimeOffset LastSync = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Content = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly string Sha256 = Convert.ToHexStringLower(SHA256.HashData(Content));

    private readonly string root = Path.Combine(Path.GetTempPath(), "ideogram-repair-tests-" + Guid.NewGuid().ToString("N"));
    private readonly RowsStandIn rows = new();
    private readonly LogStandIn log = new();
    private readonly IdeogramStandIn ideogram = new(Content);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_crash_a_lost_file_is_restored_from_a_live_link_or_its_row_marked_lost_and_its_job_told_to_regenerate()
    {
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, LocalImageFlushMarker.FileName), LastSync.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        var intact = Row(1, jobId: 10, "/ideogram-jobs/aa/10-0-aaaaaaaaaaaa.png", link: null);
        var restorable = Row(2, jobId: 11, "/ideogram-jobs/bb/11-0-bbbbbbbbbbbb.png", $"https://ideogram.ai/e/b.png?exp={DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}");
        var lost = Row(3, jobId: 12, "/ideogram-jobs/cc/12-1-cccccccccccc.png", "https://ideogram.ai/e/c.png?exp=1700000000");
        WriteFile(intact.StoragePath, Content);
        WriteFile(lost.StoragePath, Content[..4]);
        rows.Rows.AddRange([intact, restorable, lost]);
        var (repair, marker) = Create();

        var (checkedRows, restored, lostCount) = await repair.RunPassAsync(CancellationToken.None);

        Assert.Equal((3, 1, 1), (checkedRows, restored, lostCount));
        Assert.Equal(LastSync.UtcDateTime - LocalImageRepair.ClockMargin, rows.AskedSince);
        Assert.Equal(Content, await File.ReadAllBytesAsync(FileOf(restorable.StoragePath)));
        Assert.False(File.Exists(FileOf(lost.StoragePath)));
        Assert.Equal([3L], rows.MarkedLost);
        var entry = Assert.Single(log.Entries);
        Assert.Equal((SystemLogLevel.Warn, 12L, "acct-1"), (entry.Level, entry.JobId, entry.AccountId));
        Assert.Contains("Image 2's file was lost", entry.Message);
        Assert.Contains("Regenerate the job", entry.Message);
        Assert.Equal(1, ideogram.Downloads);
        Assert.NotNull(marker.FlushedBeforeAtStart);
    }

    [Fact]
    public async Task Without_a_flush_marker_no_row_is_read()
    {
        var (repair, _) = Create();

        Assert.Equal((0, 0, 0), await repair.RunPassAsync(CancellationToken.None));
        Assert.Null(rows.AskedSince);
    }

    private (ImageFileRepairAtStart Repair, LocalImageFlushMarker Marker) Create()
    {
        var imageRoot = new LocalImageRoot(Microsoft.Extensions.Options.Options.Create(new LocalImageStorageOptions { StoragePath = root }));
        var marker = new LocalImageFlushMarker(imageRoot);
        var repair = new LocalImageRepair(imageRoot, marker, TimeProvider.System, NullLogger<LocalImageRepair>.Instance);
        return (new ImageFileRepairAtStart(repair, marker, rows, log, ideogram, TimeProvider.System, NullLogger<ImageFileRepairAtStart>.Instance), marker);
    }

    private static ImageFileRow Row(long imageId, long jobId, string path, string? link) =>
        new(imageId, "acct-1", jobId, path.EndsWith("-1-cccccccccccc.png", StringComparison.Ordinal) ? 1 : 0, path, Content.Length, Sha256, link);

    private string FileOf(string storagePath) => Path.Combine(root, storagePath.TrimStart('/'));

    private void WriteFile(string storagePath, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FileOf(storagePath))!);
        File.WriteAllBytes(FileOf(storagePath), bytes);
    }

    private sealed class RowsStandIn : IImageFileRecords
    {
        public List<ImageFileRow> Rows { get; } = [];

        public List<long> MarkedLost { get; } = [];

        public DateTime? AskedSince { get; private set; }

        public Task<IReadOnlyList<ImageFileRow>> ListRecordedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
        {
            AskedSince = sinceUtc;
            return Task.FromResult<IReadOnlyList<ImageFileRow>>(Rows);
        }

        public Task MarkFileLostAsync(long imageId, CancellationToken cancellationToken)
        {
            MarkedLost.Add(imageId);
            return Task.CompletedTask;
        }
    }

    private sealed class LogStandIn : ISystemLog
    {
        public List<(SystemLogLevel Level, string Message, long? JobId, string? AccountId)> Entries { get; } = [];

        public Task WriteAsync(SystemLogLevel level, string message, long? jobId, string? accountId, string? metadataJson, CancellationToken cancellationToken)
        {
            Entries.Add((level, message, jobId, accountId));
            return Task.CompletedTask;
        }
    }

    private sealed class IdeogramStandIn(byte[] content) : IIdeogramClient
    {
        public int Downloads { get; private set; }

        public Task<IdeogramGeneration> GenerateAsync(IdeogramGenerateRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The repair pass never generates.");

        public Task<IdeogramAnswer> RequestAsync(IdeogramGenerateRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The repair pass never generates.");

        public Task<IReadOnlyList<GeneratedImage>> DownloadAsync(IReadOnlyList<GeneratedImageLink> images, CancellationToken cancellationToken)
        {
            Downloads++;
            return Task.FromResult<IReadOnlyList<GeneratedImage>>(
                [.. images.Select(image => new GeneratedImage(image.Prompt, null, null, null, true, image.Url, content, "image/png"))]);
        }
    }
}
