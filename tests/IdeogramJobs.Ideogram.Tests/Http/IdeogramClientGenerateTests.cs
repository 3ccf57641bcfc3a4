using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Tests.Infrastructure;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Ideogram.Tests.Http;

/// <summary>Successful generations against a real Kestrel host playing Ideogram.</summary>
public sealed class IdeogramClientGenerateTests : IAsyncLifetime
{
    private static readonly JobSettings ProductMarketing = new()
    {
        StyleType = "DESIGN",
        AspectRatio = "16:9",
        MagicPrompt = "ON",
        RenderingSpeed = "FAST",
        NumImages = 2,
        ColorPalette = new ColorPalette { Members = [new PaletteMember("#1B365D")] },
        NegativePrompt = "blurry",
        StyleCodes = [],
    };

    private ScriptedIdeogramHost host = null!;
    private IdeogramClientHarness harness = null!;

    public async Task InitializeAsync()
    {
        host = await ScriptedIdeogramHost.StartAsync();
        harness = new IdeogramClientHarness(host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Generates_and_returns_every_image_downloaded_with_its_metadata()
    {
        host.ThenGenerate(GenerateScript.Success("one", "two"));

        var generation = await Await.Within(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("a product shot", ProductMarketing), CancellationToken.None),
            "the generation");

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), generation.Created);
        Assert.Equal(2, generation.Images.Count);
        Assert.All(generation.Images, image =>
        {
            Assert.Equal(TestImages.Png, image.Content);
            Assert.Equal("image/png", image.ContentType);
            Assert.True(image.IsImageSafe);
            Assert.Equal("1312x736", image.Resolution);
            Assert.Equal("DESIGN", image.StyleType);
        });
        Assert.Equal(["rewritten prompt 0", "rewritten prompt 1"], generation.Images.Select(i => i.Prompt));
        Assert.Equal([1000L, 1001L], generation.Images.Select(i => i.Seed));
        Assert.Equal(new Uri(host.ImageUrl("one")), generation.Images[0].SourceUrl);
        Assert.Equal(2, host.ImageRequests.Count);
    }

    [Fact]
    public async Task Posts_multipart_with_the_api_values_and_no_model_field()
    {
        host.ThenGenerate(GenerateScript.Success("one"));

        await Await.Within(harness.Client.GenerateAsync(new IdeogramGenerateRequest("a product shot", ProductMarketing), CancellationToken.None), "the generation");

        var request = Assert.Single(host.GenerateRequests);
        Assert.Equal("/v1/ideogram-v3/generate", request.Path);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        Assert.Equal(
            [
                ("prompt", "a product shot"),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "TURBO"),
                ("magic_prompt", "ON"),
                ("negative_prompt", "blurry"),
                ("num_images", "2"),
                ("color_palette", """{"members":[{"color_hex":"#1B365D"}]}"""),
                ("style_type", "DESIGN"),
            ],
            request.TextFields);
    }

    [Fact]
    public async Task Sends_the_raw_api_key_on_generate_and_never_on_image_downloads()
    {
        host.ThenGenerate(GenerateScript.Success("one", "two"));

        await Await.Within(harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings()), CancellationToken.None), "the generation");

        Assert.Equal(IdeogramClientHarness.ApiKey, Assert.Single(host.GenerateRequests).Header("Api-Key"));
        Assert.Null(Assert.Single(host.GenerateRequests).Header("Authorization"));
        Assert.Equal(2, host.ImageRequests.Count);
        Assert.All(host.ImageRequests, r =>
        {
            Assert.Null(r.Header("Api-Key"));
            Assert.DoesNotContain(r.Headers, h => h.Value.Contains(IdeogramClientHarness.ApiKey, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Uploads_style_reference_images_as_file_parts()
    {
        host.ThenGenerate(GenerateScript.Success("one"));
        var settings = new JobSettings { StyleType = "GENERAL", StyleReferenceImages = ["mood"] };

        await Await.Within(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", settings, [new StyleReferenceUpload("mood.webp", "image/webp", TestImages.Webp)]), CancellationToken.None),
            "the generation");

        var file = Assert.Single(Assert.Single(host.GenerateRequests).Parts, p => p.FileName is not null);
        Assert.Equal("style_reference_images", file.Name);
        Assert.Equal("style_reference_1.webp", file.FileName);
        Assert.Equal("image/webp", file.ContentType);
        Assert.Equal(TestImages.Webp, file.Content);
    }

    [Fact]
    public async Task Reads_created_with_a_space_and_images_without_url_or_style_type()
    {
        host.ThenGenerate(GenerateScript.Json(200, h => $$"""
            {"created":"2000-01-23 04:56:07+00:00","data":[
              {"url":null,"prompt":"withheld","resolution":"1024x1024","is_image_safe":false,"seed":5},
              {"url":"{{h.ImageUrl("kept")}}","prompt":"kept","resolution":"1024x1024","is_image_safe":true,"seed":6}]}
            """));

        var generation = await Await.Within(harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings()), CancellationToken.None), "the generation");

        Assert.Equal(new DateTimeOffset(2000, 1, 23, 4, 56, 7, TimeSpan.Zero), generation.Created);
        var withheld = generation.Images[0];
        Assert.False(withheld.IsImageSafe);
        Assert.Null(withheld.SourceUrl);
        Assert.Null(withheld.Content);
        Assert.False(withheld.HasContent);
        Assert.Equal(5L, withheld.Seed);
        var kept = generation.Images[1];
        Assert.Null(kept.StyleType);
        Assert.Equal(TestImages.Png, kept.Content);
        Assert.Single(host.ImageRequests);
    }

    [Fact]
    public async Task Refuses_a_request_it_cannot_send_before_any_http_call_with_every_error()
    {
        var settings = new JobSettings { ColorPalette = new ColorPalette { Name = "brand:7" } };
        StyleReferenceUpload[] images = [new("1.png", "image/png", TestImages.PngOfLength(5_000_001)), new("2.png", "image/png", TestImages.PngOfLength(5_000_001))];

        var failure = await Await.ThrowsWithin<IdeogramSettingsException>(
            harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", settings, images), CancellationToken.None), "the refusal");

        Assert.Equal(["styleReferenceImages", "settings"], failure.Errors.Select(e => e.Field));
        Assert.Equal(IdeogramFailureKind.InvalidRequest, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("brand:<id>", failure.Message);
        Assert.Empty(host.GenerateRequests);
    }
}
