using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Ideogram.Tests.Http;

/// <summary>Downloading the generated images: checks, retries of the download alone, and failures.</summary>
public sealed class IdeogramClientDownloadTests : IAsyncLifetime
{
    private readonly List<IdeogramClientHarness> harnesses = [];
    private ScriptedIdeogramHost host = null!;

    public async Task InitializeAsync() => host = await ScriptedIdeogramHost.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var harness in harnesses)
        {
            await harness.DisposeAsync();
        }

        await host.DisposeAsync();
    }

    private IdeogramClientHarness Harness(params (string Key, string Value)[] overrides)
    {
        var harness = new IdeogramClientHarness(host.BaseUrl, overrides.ToDictionary(o => o.Key, o => (string?)o.Value));
        harnesses.Add(harness);
        return harness;
    }

    private static Task<IdeogramException> Fails(IdeogramClientHarness harness) =>
        Await.ThrowsWithin<IdeogramException>(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings { NumImages = 2 }), CancellationToken.None),
            "the generation to fail");

    [Fact]
    public async Task Fails_as_a_transient_download_failure_when_the_image_is_not_an_image_without_regenerating()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Success("good", "html"))
            .ServeImage("html", new ImageScript(200, "text/html", "<html>expired</html>"u8.ToArray()));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.DownloadFailed, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("text/html", failure.Message);
        Assert.Contains("image 2 of 2", failure.Message);
        Assert.Single(host.GenerateRequests);
        Assert.Single(host.ImageRequests, r => r.Path.StartsWith("/images/html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_download_whose_bytes_are_not_the_declared_image_type()
    {
        var harness = Harness();
        host.ThenGenerate(GenerateScript.Success("gif"))
            .ServeImage("gif", new ImageScript(200, "image/png", TestImages.Gif));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.DownloadFailed, failure.Kind);
        Assert.Contains("declared image/png", failure.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refuses_an_image_larger_than_the_configured_maximum(bool announceLength)
    {
        var harness = Harness(("IDEOGRAM_MAX_IMAGE_BYTES", "1000"));
        host.ThenGenerate(GenerateScript.Success("big"))
            .ServeImage("big", new ImageScript(200, "image/png", TestImages.PngOfLength(200_000), announceLength));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.DownloadFailed, failure.Kind);
        Assert.Contains("IDEOGRAM_MAX_IMAGE_BYTES", failure.Message);
        Assert.Single(host.ImageRequests);
    }

    [Fact]
    public async Task Accepts_an_image_of_exactly_the_configured_maximum()
    {
        var harness = Harness(("IDEOGRAM_MAX_IMAGE_BYTES", "5000"));
        host.ThenGenerate(GenerateScript.Success("exact"))
            .ServeImage("exact", new ImageScript(200, "image/png", TestImages.PngOfLength(5000), AnnounceLength: false));

        var generation = await Await.Within(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings()), CancellationToken.None), "the generation");

        Assert.Equal(5000, generation.Images[0].Content!.Length);
    }

    [Fact]
    public async Task Retries_a_download_that_failed_with_a_server_error_without_regenerating()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Success("flaky"))
            .ServeImage("flaky", new ImageScript(503, "text/plain", "busy"u8.ToArray()), ImageScript.Png());

        var generation = await Await.Within(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings()), CancellationToken.None), "the generation");

        Assert.Equal(TestImages.Png, generation.Images[0].Content);
        Assert.Equal(2, host.ImageRequests.Count);
        Assert.Single(host.GenerateRequests);
    }

    [Fact]
    public async Task Does_not_retry_an_expired_image_url_and_says_it_may_have_expired()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Success("old"))
            .ServeImage("old", new ImageScript(410, "text/plain", "gone"u8.ToArray()));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.DownloadFailed, failure.Kind);
        Assert.Contains("410", failure.Message);
        Assert.Contains("expired", failure.Message);
        Assert.DoesNotContain("sig=", failure.Message);
        Assert.Single(host.ImageRequests);
    }

    [Fact]
    public async Task Downloads_all_images_at_once_while_their_urls_are_valid()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "0"));
        var waitsForAll = ImageScript.Png() with { HoldUntilImageRequests = 3 };
        host.ThenGenerate(GenerateScript.Success("a", "b", "c"))
            .ServeImage("a", waitsForAll)
            .ServeImage("b", waitsForAll)
            .ServeImage("c", waitsForAll);

        var generation = await Await.Within(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings { NumImages = 3 }), CancellationToken.None), "the generation");

        Assert.All(generation.Images, image => Assert.Equal(TestImages.Png, image.Content));
        Assert.Equal(3, host.ImageRequests.Count);
    }
}
