using System.Net;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Ideogram;

[Collection(ServiceCollection.Name)]
public sealed class IdeogramOptionsApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Styles_are_the_specifications_four_core_styles()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.GetAsync("/api/ideogram/v3/styles");

        var styles = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [{"value":"AUTO","label":"Auto (AI Decides)","category":"intelligent"},
             {"value":"GENERAL","label":"General","category":"artistic"},
             {"value":"REALISTIC","label":"Realistic","category":"photographic"},
             {"value":"DESIGN","label":"Design","category":"commercial"}]
            """), styles), styles.ToJsonString());
    }

    [Fact]
    public async Task Options_list_the_accepted_values_in_both_spellings_and_the_limits()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.GetAsync("/api/ideogram/v3/options");

        var options = await response.ReadJsonAsync(HttpStatusCode.OK);
        var ratios = options["aspectRatios"]!.AsArray();
        Assert.Equal(15, ratios.Count);
        Assert.Contains(ratios, r => r!["value"]!.GetValue<string>() == "16:9" && r["apiValue"]!.GetValue<string>() == "16x9");
        var speeds = options["renderingSpeeds"]!.AsArray().ToDictionary(s => s!["value"]!.GetValue<string>(), s => s!["apiValue"]!.GetValue<string>());
        Assert.Equal("TURBO", speeds["FAST"]);
        Assert.Equal("QUALITY", speeds["SLOW"]);
        Assert.Equal("DEFAULT", speeds["DEFAULT"]);
        Assert.Equal(["AUTO", "ON", "OFF"], options["magicPrompt"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("DESIGN", options["styleTypes"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("EMBER", options["palettePresets"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(69, options["resolutions"]!.AsArray().Count);
        Assert.Equal(62, options["stylePresets"]!.AsArray().Count);

        var limits = options["limits"]!;
        Assert.Equal(1, limits["minNumImages"]!.GetValue<int>());
        Assert.Equal(8, limits["maxNumImages"]!.GetValue<int>());
        Assert.Equal(3, limits["maxStyleReferenceImages"]!.GetValue<int>());
        Assert.Equal(10_000_000, limits["maxStyleReferenceTotalBytes"]!.GetValue<long>());
        Assert.Equal(8, limits["maxPaletteMembers"]!.GetValue<int>());
        Assert.True(limits["maxPromptLength"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Options_and_styles_need_a_key()
    {
        foreach (var path in new[] { "/api/ideogram/v3/styles", "/api/ideogram/v3/options" })
        {
            using var response = await service.Anonymous().GetAsync(path);
            await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        }
    }
}
