using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>The 200 body has Ideogram's shape and reflects what was asked.</summary>
public sealed partial class GenerateResponseTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorHost Simulator => fixture.Host;

    [Fact]
    public async Task Returns_one_entry_per_image_with_the_requested_seed_counting_up()
    {
        using var response = await Simulator.GenerateAsync(GenerateForm.WithPrompt().Text("seed", "123").Text("num_images", "3"));

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        var seeds = body.GetProperty("data").EnumerateArray().Select(image => image.GetProperty("seed").GetInt32()).ToList();
        Assert.Equal([123, 124, 125], seeds);
    }

    [Fact]
    public async Task Writes_every_field_of_Ideogram_s_response()
    {
        using var response = await Simulator.GenerateAsync(GenerateForm.WithPrompt("a red fox").Text("aspect_ratio", "16x9").Text("magic_prompt", "OFF"));

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("created").GetString(), CultureInfo.InvariantCulture, out _), "created is not a date-time");
        var image = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Matches(ImageUrl(), image.GetProperty("url").GetString());
        Assert.StartsWith(Simulator.BaseAddress.ToString().TrimEnd('/'), image.GetProperty("url").GetString());
        Assert.Equal("a red fox", image.GetProperty("prompt").GetString());
        Assert.Equal("1312x736", image.GetProperty("resolution").GetString());
        Assert.True(image.GetProperty("is_image_safe").GetBoolean());
        Assert.InRange(image.GetProperty("seed").GetInt64(), 0, int.MaxValue);
        Assert.Equal("GENERAL", image.GetProperty("style_type").GetString());
    }

    [Fact]
    public async Task Reports_1024x1024_when_neither_aspect_ratio_nor_resolution_is_sent()
    {
        using var response = await Simulator.GenerateAsync(GenerateForm.WithPrompt());

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("1024x1024", body.GetProperty("data")[0].GetProperty("resolution").GetString());
    }

    [Theory]
    [InlineData("ON")]
    [InlineData("AUTO")]
    public async Task Rewrites_the_prompt_unless_magic_prompt_is_OFF(string magicPrompt)
    {
        using var response = await Simulator.GenerateAsync(GenerateForm.WithPrompt("a red fox").Text("magic_prompt", magicPrompt));

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Enhanced: a red fox", body.GetProperty("data")[0].GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Echoes_the_requested_style_type()
    {
        using var response = await Simulator.GenerateAsync(GenerateForm.WithPrompt().Text("style_type", "FICTION"));

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("FICTION", body.GetProperty("data")[0].GetProperty("style_type").GetString());
    }

    [Fact]
    public async Task Resolves_style_type_AUTO_to_a_concrete_type()
    {
        using var response = await Simulator.GenerateAsync(GenerateForm.WithPrompt().Text("style_type", "AUTO").Text("num_images", "4"));

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        foreach (var image in body.GetProperty("data").EnumerateArray())
        {
            Assert.Contains(image.GetProperty("style_type").GetString(), new[] { "GENERAL", "REALISTIC", "DESIGN", "FICTION" });
        }
    }

    [Fact]
    public async Task Gives_different_unrequested_seeds_to_successive_requests()
    {
        using var first = await Simulator.GenerateAsync(GenerateForm.WithPrompt());
        using var second = await Simulator.GenerateAsync(GenerateForm.WithPrompt());

        var firstSeed = (await first.AssertStatusAsync(HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("seed").GetInt32();
        var secondSeed = (await second.AssertStatusAsync(HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("seed").GetInt32();
        Assert.NotEqual(firstSeed, secondSeed);
    }

    [Fact]
    public async Task Marks_every_kind_of_response_as_simulated()
    {
        using var ok = await Simulator.GenerateAsync(GenerateForm.WithPrompt());
        using var badRequest = await Simulator.GenerateAsync(new GenerateForm().Text("model", "V_3"));
        using var unauthorized = await Simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: null);
        var url = (await ok.ReadJsonAsync()).GetProperty("data")[0].GetProperty("url").GetString();
        using var image = await Simulator.Client.GetAsync(url);
        using var stats = await Simulator.Client.GetAsync("/_simulator/stats");
        using var notFound = await Simulator.Client.GetAsync("/nothing-here");

        foreach (var response in new[] { ok, badRequest, unauthorized, image, stats, notFound })
        {
            Assert.True(response.Headers.TryGetValues("X-Ideogram-Simulator", out var values), $"{response.RequestMessage?.RequestUri} has no X-Ideogram-Simulator header");
            Assert.Equal("true", Assert.Single(values));
        }
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/images/[A-Za-z0-9_-]+\.png\?exp=\d+&sig=[0-9a-f]{64}$")]
    private static partial Regex ImageUrl();
}
