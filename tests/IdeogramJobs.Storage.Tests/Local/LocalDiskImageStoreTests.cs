using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace IdeogramJobs.Storage.Tests.Local;

public sealed class LocalDiskImageStoreTests
{
    [Fact]
    public async Task Saved_image_is_served_back_through_the_path_of_its_media_url()
    {
        using var harness = new LocalStoreHarness();
        var content = TestImages.RandomPng(5000);

        var stored = await harness.Store.SaveAsync(new ImageToStore("acct-1", 42, 0, content, "image/png"), CancellationToken.None);

        var expectedPath = $"/ideogram-jobs/{TestImages.Sha256(content)[..2]}/42-0-{TestImages.Sha256(content)[..12]}.png";
        Assert.Equal(expectedPath, stored.StoragePath);
        Assert.Equal("http://127.0.0.1:8080/media" + expectedPath, stored.PublicUrl);
        Assert.Equal(content.Length, stored.SizeBytes);
        Assert.Equal(TestImages.Sha256(content), stored.Sha256);

        var relative = stored.PublicUrl["http://127.0.0.1:8080/media/".Length..];
        Assert.True(harness.Files.TryOpen(relative, out var stream, out var contentType));
        using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        Assert.Equal("image/png", contentType);
    }

    [Fact]
    public async Task Public_url_uses_the_configured_base_url()
    {
        using var harness = new LocalStoreHarness("https://images.example.test/app/");

        var stored = await harness.Store.SaveAsync(new ImageToStore("acct-1", 5, 1, TestImages.RandomWebp(), "image/webp"), CancellationToken.None);

        Assert.Equal("https://images.example.test/app/media" + stored.StoragePath, stored.PublicUrl);
        Assert.EndsWith(".webp", stored.StoragePath);
    }

    [Fact]
    public async Task Saving_the_same_image_twice_returns_the_same_result_and_does_not_rewrite_the_file()
    {
        using var harness = new LocalStoreHarness();
        var image = new ImageToStore("acct-1", 42, 0, TestImages.RandomPng(), "image/png");

        var first = await harness.Store.SaveAsync(image, CancellationToken.None);
        var file = Assert.Single(harness.AllFilesUnderRoot());
        var marker = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, marker);
        var second = await harness.Store.SaveAsync(image, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(file, Assert.Single(harness.AllFilesUnderRoot()));
        Assert.Equal(marker, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_image_leave_exactly_one_complete_file_and_no_temporary_files()
    {
        using var harness = new LocalStoreHarness();
        var content = TestImages.RandomPng(2 * 1024 * 1024, seed: 3);
        var image = new ImageToStore("acct-1", 42, 0, content, "image/png");

        var results = await Eventually.CompletesAsync(
            Task.WhenAll(Enumerable.Range(0, 8).Select(_ => harness.Store.SaveAsync(image, CancellationToken.None))),
            "eight concurrent saves");

        Assert.Single(results.Distinct());
        var file = Assert.Single(harness.AllFilesUnderRoot());
        Assert.Equal(TestImages.Sha256(content), TestImages.Sha256(await File.ReadAllBytesAsync(file)));
    }

    [Fact]
    public async Task Saves_leave_no_temporary_files_behind()
    {
        using var harness = new LocalStoreHarness();

        for (var index = 0; index < 5; index++)
        {
            await harness.Store.SaveAsync(new ImageToStore("acct-1", 42, index, TestImages.RandomJpeg(seed: index), "image/jpeg"), CancellationToken.None);
        }

        var files = harness.AllFilesUnderRoot();
        Assert.Equal(5, files.Count);
        Assert.All(files, file => Assert.Matches(@"^42-\d-[0-9a-f]{12}\.jpg$", Path.GetFileName(file)));
    }

    [Fact]
    public async Task A_damaged_file_at_the_target_path_is_replaced_with_the_right_bytes()
    {
        using var harness = new LocalStoreHarness();
        var content = TestImages.RandomPng();
        var image = new ImageToStore("acct-1", 42, 0, content, "image/png");
        var stored = await harness.Store.SaveAsync(image, CancellationToken.None);
        var file = Assert.Single(harness.AllFilesUnderRoot());
        await File.WriteAllBytesAsync(file, new byte[content.Length]);

        var again = await harness.Store.SaveAsync(image, CancellationToken.None);

        Assert.Equal(stored, again);
        Assert.Equal(content, await File.ReadAllBytesAsync(file));
        Assert.Single(harness.AllFilesUnderRoot());
    }

    [Fact]
    public async Task Non_image_bytes_are_refused_permanently_and_nothing_is_written()
    {
        using var harness = new LocalStoreHarness();

        var failure = await Assert.ThrowsAsync<ImageStorageException>(() => harness.Store.SaveAsync(
            new ImageToStore("acct-1", 42, 0, "GIF89a-not-accepted"u8.ToArray(), "image/gif"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Empty(harness.AllFilesUnderRoot());
    }

    [Fact]
    public void Relative_storage_path_is_resolved_against_the_content_root()
    {
        using var folder = new TemporaryDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder.Path })
            .AddImageStorage(configuration)
            .BuildServiceProvider();

        var root = services.GetRequiredService<LocalImageRoot>();

        Assert.Equal(Path.Combine(folder.Path, ".local", "images"), root.FullPath);
        Assert.IsType<LocalDiskImageStore>(services.GetRequiredService<IImageStore>());
    }
}
