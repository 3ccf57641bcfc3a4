using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Integration.Tests.JobTypes;

/// <summary>
/// Each job type's defaults, and the specification's user-override example, generate against the
/// simulator: the simulator (strict where Ideogram is lenient) accepts exactly the expected fields,
/// and every image comes back downloaded as a PNG of the reported resolution.
/// </summary>
public sealed class JobTypeGenerationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("product_marketing")]
    [InlineData("social_media")]
    [InlineData("blog_header")]
    [InlineData("concept_illustration")]
    [InlineData("christian_content")]
    public async Task Default_settings_send_exactly_the_translated_fields_and_return_every_image_as_a_png_of_the_reported_size(string jobType)
    {
        var prompt = $"A sunrise over rolling hills, for {jobType}";
        var expected = JobTypeWireExpectations.For(jobType, prompt);
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var generation = await client.GenerateAsync(prompt, JobTypeDefaults.ByName[jobType]);

        CapturedRequestAssertions.SentExactly(expected.Fields, Assert.Single(await simulator.Host.RequestsFromAsync(client.ApiKey)));
        AssertImages(expected, generation);
        var stats = await simulator.Host.StatsForAsync(client.ApiKey);
        Assert.Equal((1, 1, expected.NumImages), (stats.Requests, stats.Succeeded, stats.Images));
    }

    [Fact]
    public async Task The_specifications_user_override_example_sends_its_final_settings_with_the_prompt_addition()
    {
        // final_settings of the specification's "User Override Example", verbatim.
        var finalSettings = SettingsJson.Deserialize<JobSettings>("""
            {"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,
             "colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}
            """);
        Assert.Equal(JobTypeDefaults.ProductMarketing with { StyleType = "REALISTIC", AspectRatio = "1:1", NumImages = 2 }, finalSettings);
        var prompt = "A stainless steel water bottle on an oak desk" + " " + "with modern minimalist design";
        var expected = new ExpectedGenerateRequest(
            [
                ("prompt", "A stainless steel water bottle on an oak desk with modern minimalist design"),
                ("aspect_ratio", "1x1"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("num_images", "2"),
                ("color_palette", JobTypeWireExpectations.ProductPalette),
                ("negative_prompt", "low quality, blurry, text, watermark"),
                ("style_type", "REALISTIC"),
            ],
            2, "1024x1024", "REALISTIC");
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var generation = await client.GenerateAsync(prompt, finalSettings);

        CapturedRequestAssertions.SentExactly(expected.Fields, Assert.Single(await simulator.Host.RequestsFromAsync(client.ApiKey)));
        AssertImages(expected, generation);
    }

    private static void AssertImages(ExpectedGenerateRequest expected, IdeogramGeneration generation)
    {
        Assert.Equal(expected.NumImages, generation.Images.Count);
        Assert.All(generation.Images, image =>
        {
            Assert.True(image.IsImageSafe);
            Assert.True(image.HasContent, "the image was not downloaded");
            Assert.Equal("image/png", image.ContentType);
            Assert.Equal(expected.Resolution, image.Resolution);
            Assert.Equal(image.Resolution, PngHeader.Read(image.Content!).Resolution);
            Assert.Equal(expected.StyleType, image.StyleType);
        });
    }
}
