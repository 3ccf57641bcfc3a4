using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>Downloaded images are real PNGs of the reported size, painted in the requested colours.</summary>
public sealed class ImageTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorHost Simulator => fixture.Host;

    [Theory]
    [InlineData("16x9", 1312, 736)]
    [InlineData("1x1", 1024, 1024)]
    [InlineData("4x3", 1152, 864)]
    [InlineData("9x16", 736, 1312)]
    [InlineData("3x4", 864, 1152)]
    [InlineData("3x1", 1536, 512)]
    public async Task The_PNG_is_as_large_as_the_resolution_reported_for_the_aspect_ratio(string aspectRatio, int width, int height)
    {
        var (image, png) = await Simulator.GenerateAndDownloadAsync(GenerateForm.WithPrompt().Text("aspect_ratio", aspectRatio));

        Assert.Equal($"{width}x{height}", image.GetProperty("resolution").GetString());
        var decoded = DecodedPng.Decode(png);
        Assert.Equal(width, decoded.Width);
        Assert.Equal(height, decoded.Height);
    }

    [Fact]
    public async Task The_PNG_is_as_large_as_a_requested_resolution()
    {
        var (image, png) = await Simulator.GenerateAndDownloadAsync(GenerateForm.WithPrompt().Text("resolution", "1536x640"));

        Assert.Equal("1536x640", image.GetProperty("resolution").GetString());
        var decoded = DecodedPng.Decode(png);
        Assert.Equal((1536, 640), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task Every_pixel_is_a_palette_member_and_every_member_shows_in_proportion_to_its_weight()
    {
        const string palette = """{"members":[{"color_hex":"#1B365D","color_weight":1.0},{"color_hex":"#F00","color_weight":0.5},{"color_hex":"#f4f4f4","color_weight":0.25}]}""";

        var (_, png) = await Simulator.GenerateAndDownloadAsync(GenerateForm.WithPrompt().Text("aspect_ratio", "1x1").Json("color_palette", palette));

        var counts = DecodedPng.Decode(png).ColourCounts();
        Assert.Equal(["#1B365D", "#F4F4F4", "#FF0000"], counts.Keys.Order().ToArray());
        var total = (double)counts.Values.Sum();
        Assert.InRange(counts["#1B365D"] / total, 0.56, 0.58);
        Assert.InRange(counts["#FF0000"] / total, 0.28, 0.29);
        Assert.InRange(counts["#F4F4F4"] / total, 0.14, 0.15);
    }

    [Fact]
    public async Task Every_image_of_a_request_uses_the_palette()
    {
        const string palette = """{"members":[{"color_hex":"#000000"},{"color_hex":"#FFFFFF"}]}""";
        var form = GenerateForm.WithPrompt().Text("num_images", "2").Text("aspect_ratio", "16x9").Json("color_palette", palette);
        using var response = await Simulator.GenerateAsync(form);
        var body = await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);

        foreach (var image in body.GetProperty("data").EnumerateArray())
        {
            var png = await Simulator.Client.GetByteArrayAsync(image.GetProperty("url").GetString());
            Assert.Equal(["#000000", "#FFFFFF"], DecodedPng.Decode(png).ColourCounts().Keys.Order().ToArray());
        }
    }

    [Fact]
    public async Task A_preset_palette_paints_the_preset_s_documented_colours()
    {
        var (_, png) = await Simulator.GenerateAndDownloadAsync(GenerateForm.WithPrompt().Json("color_palette", """{"name":"PASTEL"}"""));

        var counts = DecodedPng.Decode(png).ColourCounts();
        Assert.Equal(["#BDE0FE", "#CDEAC0", "#FFD1DC", "#FFF1C1"], counts.Keys.Order().ToArray());
    }

    [Fact]
    public async Task The_same_seed_and_resolution_without_palette_give_the_same_pixels()
    {
        var form = () => GenerateForm.WithPrompt().Text("seed", "777").Text("aspect_ratio", "4x3");

        var (_, first) = await Simulator.GenerateAndDownloadAsync(form());
        var (_, second) = await Simulator.GenerateAndDownloadAsync(form());
        var (_, otherSeed) = await Simulator.GenerateAndDownloadAsync(GenerateForm.WithPrompt().Text("seed", "778").Text("aspect_ratio", "4x3"));

        Assert.Equal(DecodedPng.Decode(first).Pixels, DecodedPng.Decode(second).Pixels);
        Assert.NotEqual(DecodedPng.Decode(first).Pixels, DecodedPng.Decode(otherSeed).Pixels);
    }

    [Fact]
    public async Task Image_scale_divides_the_pixel_size_but_not_the_reported_resolution()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.ImageScale = 4);

        var (image, png) = await simulator.GenerateAndDownloadAsync(GenerateForm.WithPrompt().Text("aspect_ratio", "16x9"));

        Assert.Equal("1312x736", image.GetProperty("resolution").GetString());
        var decoded = DecodedPng.Decode(png);
        Assert.Equal((328, 184), (decoded.Width, decoded.Height));
    }
}
