using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Storage.Tests.Local;

/// <summary>The repair pass over rows whose files an OS crash may have lost: real files, Ideogram's download stood in for.</summary>
public sealed class LocalImageRepairTests
{
    private static readonly Uri LiveLink = new($"https://ideogram.ai/api/images/ephemeral/a.png?exp={DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}&sig=00");
    private static readonly Uri ExpiredLink = new("https://ideogram.ai/api/images/ephemeral/a.png?exp=1700000000&sig=00");

    [Fact]
    public async Task An_intact_file_is_left_as_it_is_and_nothing_is_downloaded()
    {
        using var harness = new LocalStoreHarness();
        var (row, file) = await SaveAsync(harness, LiveLink);
        var downloads = new DownloadStandIn(TestImages.RandomPng());

        var outcome = await harness.Repair.RepairAsync(row, downloads.DownloadAsync, CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Intact, outcome);
        Assert.Equal(0, downloads.Calls);
        Assert.Equal(TestImages.RandomPng(), await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task A_missing_file_is_downloaded_again_while_the_link_lives()
    {
        using var harness = new LocalStoreHarness();
        var (row, file) = await SaveAsync(harness, LiveLink);
        File.Delete(file);
        var downloads = new DownloadStandIn(TestImages.RandomPng());

        var outcome = await harness.Repair.RepairAsync(row, downloads.DownloadAsync, CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Restored, outcome);
        Assert.Equal(1, downloads.Calls);
        Assert.Equal(TestImages.RandomPng(), await File.ReadAllBytesAsync(file));
        Assert.True(harness.Files.TryOpen(row.StoragePath.TrimStart('/'), out var stream, out _));
        stream.Dispose();
    }

    [Fact]
    public async Task A_truncated_file_whose_link_expired_is_removed_and_reported_lost_without_a_download()
    {
        using var harness = new LocalStoreHarness();
        var (row, file) = await SaveAsync(harness, ExpiredLink);
        await File.WriteAllBytesAsync(file, TestImages.RandomPng()[..100]);
        var downloads = new DownloadStandIn(TestImages.RandomPng());

        var outcome = await harness.Repair.RepairAsync(row, downloads.DownloadAsync, CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Lost, outcome);
        Assert.Equal(0, downloads.Calls);
        Assert.False(File.Exists(file));
        Assert.False(harness.Files.TryOpen(row.StoragePath.TrimStart('/'), out _, out _));
    }

    [Fact]
    public async Task A_file_of_the_right_length_but_other_bytes_is_detected_as_damaged()
    {
        using var harness = new LocalStoreHarness();
        var (row, file) = await SaveAsync(harness, providerUrl: null);
        await File.WriteAllBytesAsync(file, new byte[TestImages.RandomPng().Length]);

        var outcome = await harness.Repair.RepairAsync(row, new DownloadStandIn(TestImages.RandomPng()).DownloadAsync, CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Lost, outcome);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task An_image_downloaded_again_that_differs_from_the_recorded_one_is_not_restored()
    {
        using var harness = new LocalStoreHarness();
        var (row, file) = await SaveAsync(harness, LiveLink);
        File.Delete(file);
        var downloads = new DownloadStandIn(TestImages.RandomPng(seed: 9));

        var outcome = await harness.Repair.RepairAsync(row, downloads.DownloadAsync, CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Lost, outcome);
        Assert.Equal(1, downloads.Calls);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_failed_download_reports_the_image_lost()
    {
        using var harness = new LocalStoreHarness();
        var (row, file) = await SaveAsync(harness, LiveLink);
        File.Delete(file);

        var outcome = await harness.Repair.RepairAsync(
            row, (_, _) => Task.FromException<ReadOnlyMemory<byte>>(new HttpRequestException("403 Forbidden")), CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Lost, outcome);
    }

    [Fact]
    public async Task A_file_in_the_older_folder_per_job_layout_is_checked_by_its_recorded_path()
    {
        using var harness = new LocalStoreHarness();
        var content = TestImages.RandomPng();
        var oldPath = ImageStoragePath.Build(ImageStoragePath.DefaultFolder, "acct-1", 42, 0, TestImages.Sha256(content), ImageFormat.Detect(content)!);
        var oldFile = Path.Combine(harness.Root, oldPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(oldFile)!);
        await File.WriteAllBytesAsync(oldFile, content[..10]);
        var row = new RecordedImageFile(7, oldPath, content.Length, TestImages.Sha256(content), LiveLink);

        var outcome = await harness.Repair.RepairAsync(row, new DownloadStandIn(content).DownloadAsync, CancellationToken.None);

        Assert.Equal(ImageFileRepairOutcome.Restored, outcome);
        Assert.Equal(content, await File.ReadAllBytesAsync(oldFile));
    }

    [Fact]
    public async Task A_recorded_path_outside_the_image_folder_is_refused()
    {
        using var harness = new LocalStoreHarness();
        var row = new RecordedImageFile(7, "/../outside.png", 10, new string('0', 64), null);

        var failure = await Assert.ThrowsAsync<ImageStorageException>(() =>
            harness.Repair.RepairAsync(row, new DownloadStandIn(TestImages.RandomPng()).DownloadAsync, CancellationToken.None));

        Assert.False(failure.IsTransient);
    }

    private static async Task<(RecordedImageFile Row, string File)> SaveAsync(LocalStoreHarness harness, Uri? providerUrl)
    {
        var stored = await harness.Store.SaveAsync(new ImageToStore("acct-1", 42, 0, TestImages.RandomPng(), "image/png"), CancellationToken.None);
        var row = new RecordedImageFile(1, stored.StoragePath, stored.SizeBytes, stored.Sha256, providerUrl);
        return (row, Path.Combine(harness.Root, stored.StoragePath.TrimStart('/')));
    }

    private sealed class DownloadStandIn(byte[] content)
    {
        public int Calls { get; private set; }

        public Task<ReadOnlyMemory<byte>> DownloadAsync(Uri link, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult<ReadOnlyMemory<byte>>(content);
        }
    }
}
