using System.Text.RegularExpressions;
using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Sirv;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvUploadTests
{
    [Fact]
    public async Task Upload_sends_the_raw_bytes_with_their_real_content_type_and_the_public_url_serves_them()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var content = TestImages.RandomWebp(4096);

        var stored = await harness.Store.SaveAsync(SirvStoreHarness.Image(content, "image/webp", jobId: 7, index: 2), CancellationToken.None);

        var upload = Assert.Single(harness.Host.Uploads);
        Assert.Equal("image/webp", upload.ContentType);
        Assert.Equal(content.Length, upload.BodyLength);
        Assert.Equal("image/webp", stored.ContentType);
        Assert.EndsWith(".webp", stored.StoragePath);
        Assert.Equal(content.Length, stored.SizeBytes);
        Assert.Equal(TestImages.Sha256(content), stored.Sha256);
        Assert.Equal(harness.Host.PublicBaseUrl + stored.StoragePath, stored.PublicUrl);

        using var http = new HttpClient();
        using var response = await http.GetAsync(stored.PublicUrl);
        response.EnsureSuccessStatusCode();
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Filename_is_url_encoded_on_the_wire_and_reaches_sirv_as_the_exact_storage_path()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var content = TestImages.RandomPng();

        var stored = await harness.Store.SaveAsync(
            SirvStoreHarness.Image(content, accountId: "Acme Corp/EU", jobId: 1234, index: 3),
            CancellationToken.None);

        var upload = Assert.Single(harness.Host.Uploads);
        Assert.StartsWith("?filename=%2Fideogram-jobs%2F", upload.RawQuery);
        Assert.DoesNotContain("/", upload.RawQuery);
        Assert.Equal(stored.StoragePath, upload.Filename);
        Assert.True(harness.Host.Files.ContainsKey(stored.StoragePath));
        Assert.Matches(
            new Regex($"^/ideogram-jobs/Acme-Corp-EU_[0-9a-f]{{16}}/1234/1234-3-{TestImages.Sha256(content)[..12]}\\.png$"),
            stored.StoragePath);
    }

    [Fact]
    public async Task A_25_MB_image_arrives_intact()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var content = TestImages.RandomPng(25 * 1024 * 1024, seed: 25);

        var stored = await harness.Store.SaveAsync(SirvStoreHarness.Image(content), CancellationToken.None);

        var file = harness.Host.Files[stored.StoragePath];
        Assert.Equal(content.Length, file.Content.Length);
        Assert.Equal(TestImages.Sha256(content), TestImages.Sha256(file.Content));
        Assert.Equal(TestImages.Sha256(content), stored.Sha256);
    }

    [Fact]
    public async Task Saving_the_same_image_twice_returns_the_same_path_and_url_and_keeps_one_file()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var image = SirvStoreHarness.Image(TestImages.RandomPng());

        var first = await harness.Store.SaveAsync(image, CancellationToken.None);
        var second = await harness.Store.SaveAsync(image, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(harness.Host.Files);
    }

    [Fact]
    public async Task Resaving_when_sirv_refuses_to_overwrite_succeeds_because_the_same_file_is_already_there()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.RejectOverwrite = true;
        var image = SirvStoreHarness.Image(TestImages.RandomPng());

        var first = await harness.Store.SaveAsync(image, CancellationToken.None);
        var second = await harness.Store.SaveAsync(image, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal([200, 403], harness.Host.Uploads.Select(upload => upload.AnsweredStatus));
        Assert.Equal(1, harness.Host.StatRequests);
        Assert.Single(harness.Host.Files);
    }

    [Fact]
    public async Task Forbidden_upload_of_a_new_file_fails_permanently_without_a_retry()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.ScriptUploads(new SirvScriptedAnswer(403));

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("HTTP 403", failure.Message);
        Assert.Single(harness.Host.Uploads);
        Assert.Empty(harness.Host.Files);
    }

    [Fact]
    public async Task Bad_request_fails_permanently_without_a_retry()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.ScriptUploads(new SirvScriptedAnswer(400));

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("HTTP 400", failure.Message);
        Assert.Single(harness.Host.Uploads);
    }

    [Fact]
    public async Task Image_declared_as_png_but_holding_jpeg_bytes_is_stored_as_jpg_with_image_jpeg()
    {
        await using var harness = await SirvStoreHarness.StartAsync();

        var stored = await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomJpeg(), "image/png"), CancellationToken.None);

        Assert.EndsWith(".jpg", stored.StoragePath);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal("image/jpeg", Assert.Single(harness.Host.Uploads).ContentType);
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_are_refused_permanently_before_calling_sirv()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var html = "<html>not an image</html>"u8.ToArray();

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(html, "image/png"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("not a PNG, JPEG or WebP", failure.Message);
        Assert.Empty(harness.Host.Uploads);
        Assert.Equal(0, harness.Host.TokenRequests);
    }

    [Fact]
    public async Task Configured_upload_folder_replaces_the_default_top_folder()
    {
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.UploadFolderVariable] = "/brand/generated/",
        });

        var stored = await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(), jobId: 9), CancellationToken.None);

        Assert.StartsWith("/brand/generated/acct-1/9/9-0-", stored.StoragePath);
        Assert.True(harness.Host.Files.ContainsKey(stored.StoragePath));
    }
}
