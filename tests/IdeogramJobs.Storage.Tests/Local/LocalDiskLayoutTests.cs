using System.Text.RegularExpressions;
using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdeogramJobs.Storage.Tests.Local;

public sealed class LocalDiskLayoutTests
{
    [Fact]
    public async Task Images_of_many_jobs_go_to_shared_shard_folders_and_no_job_gets_a_folder_of_its_own()
    {
        using var harness = new LocalStoreHarness();

        var stored = new List<StoredImage>();
        for (var job = 1; job <= 40; job++)
        {
            stored.Add(await harness.Store.SaveAsync(new ImageToStore("acct-1", job, 0, TestImages.RandomPng(seed: job), "image/png"), CancellationToken.None));
        }

        Assert.All(stored, image => Assert.Matches(new Regex("^/ideogram-jobs/[0-9a-f]{2}/[0-9]+-0-[0-9a-f]{12}\\.png$"), image.StoragePath));
        Assert.All(stored, image => Assert.Equal(image.Sha256[..2], image.StoragePath.Split('/')[2]));
        var folders = Directory.GetDirectories(Path.Combine(harness.Root, "ideogram-jobs"), "*", SearchOption.AllDirectories);
        Assert.Equal(stored.Select(image => image.Sha256[..2]).Distinct().Order(), folders.Select(Path.GetFileName).Order());
        Assert.Equal(40, harness.AllFilesUnderRoot().Count);
    }

    [Fact]
    public async Task An_image_stored_in_the_older_folder_per_job_layout_is_still_served_and_deleted_by_its_recorded_path()
    {
        using var harness = new LocalStoreHarness();
        var content = TestImages.RandomPng();
        var format = ImageFormat.Detect(content)!;
        var oldPath = ImageStoragePath.Build(ImageStoragePath.DefaultFolder, "acct-1", 42, 0, TestImages.Sha256(content), format);
        var oldFile = Path.Combine(harness.Root, oldPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(oldFile)!);
        await File.WriteAllBytesAsync(oldFile, content);
        await harness.Store.SaveAsync(new ImageToStore("acct-1", 43, 0, TestImages.RandomPng(seed: 2), "image/png"), CancellationToken.None);

        Assert.Equal($"/ideogram-jobs/acct-1/42/42-0-{TestImages.Sha256(content)[..12]}.png", oldPath);
        Assert.True(harness.Files.TryOpen(oldPath.TrimStart('/'), out var stream, out var contentType));
        using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        Assert.Equal("image/png", contentType);
        await harness.Store.DeleteAsync(oldPath, CancellationToken.None);
        Assert.False(File.Exists(oldFile));
        Assert.Single(harness.AllFilesUnderRoot());
    }

    [Fact]
    public void The_flush_marker_is_never_served_as_an_image()
    {
        using var harness = new LocalStoreHarness();
        harness.Services.GetRequiredService<LocalImageFlushMarker>().EnsureExists(DateTimeOffset.UtcNow);

        Assert.True(File.Exists(Path.Combine(harness.Root, LocalImageFlushMarker.FileName)));
        Assert.False(harness.Files.TryOpen(LocalImageFlushMarker.FileName, out _, out _));
    }
}
