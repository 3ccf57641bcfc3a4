using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;

namespace IdeogramJobs.Settings.Tests.Overrides;

public sealed class OverridesParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    [InlineData("null")]
    public void No_text_an_empty_object_or_json_null_mean_no_overrides(string? json)
    {
        var parsed = OverridesParser.Parse(json);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new JobSettings(), parsed.Overrides);
        Assert.Null(parsed.CustomPromptAddition);
        Assert.Equal("{}", parsed.NormalizedJson);
    }

    [Fact]
    public void Reads_every_kind_of_setting_into_the_overrides()
    {
        var parsed = OverridesParser.Parse("""
            {"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"OFF","renderingSpeed":"FAST","numImages":2,
             "colorPalette":{"members":["#1B365D",{"color":"#FFFFFF","weight":0.5}]},"negativePrompt":"blur",
             "styleCodes":["1A2B3C4D"],"seed":42,"resolution":"1024x1024","stylePreset":"BAUHAUS",
             "styleReferenceImages":["ref-1"],"customPromptAddition":"at dusk"}
            """);

        Assert.Empty(parsed.Errors);
        Assert.Equal(
            new JobSettings
            {
                StyleType = "REALISTIC",
                AspectRatio = "1:1",
                MagicPrompt = "OFF",
                RenderingSpeed = "FAST",
                NumImages = 2,
                ColorPalette = new ColorPalette { Members = [new PaletteMember("#1B365D"), new PaletteMember("#FFFFFF", 0.5)] },
                NegativePrompt = "blur",
                StyleCodes = ["1A2B3C4D"],
                Seed = 42,
                Resolution = "1024x1024",
                StylePreset = "BAUHAUS",
                StyleReferenceImages = ["ref-1"],
            },
            parsed.Overrides);
        Assert.Equal("at dusk", parsed.CustomPromptAddition);
    }

    [Fact]
    public void Normalized_json_keeps_the_callers_keys_in_the_callers_order_without_whitespace()
    {
        var parsed = OverridesParser.Parse("""{ "numImages" : 2,  "styleType" : "REALISTIC" }""");

        Assert.Equal("""{"numImages":2,"styleType":"REALISTIC"}""", parsed.NormalizedJson);
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_it_and_listing_every_known_field()
    {
        var error = Assert.Single(OverridesParser.Parse("""{"model":"V_3"}""").Errors);

        Assert.Equal("model", error.Field);
        Assert.Contains("'model'", error.Message);
        Assert.Equal(SettingNames.Overridable, error.Allowed);
        Assert.Contains("styleType, aspectRatio, magicPrompt", error.Message);
        Assert.Contains("customPromptAddition", error.Message);
    }

    [Fact]
    public void Field_names_are_case_sensitive_and_the_error_suggests_the_known_spelling()
    {
        var error = Assert.Single(OverridesParser.Parse("""{"AspectRatio":"1:1"}""").Errors);

        Assert.Equal("AspectRatio", error.Field);
        Assert.Contains("did you mean 'aspectRatio'", error.Message);
    }

    [Fact]
    public void The_prompt_is_not_an_override()
    {
        Assert.Equal("prompt", Assert.Single(OverridesParser.Parse("""{"prompt":"a cat"}""").Errors).Field);
    }

    [Theory]
    [InlineData("""{"numImages":"two"}""", "numImages", "must be an integer")]
    [InlineData("""{"numImages":2.5}""", "numImages", "must be an integer")]
    [InlineData("""{"numImages":99999999999}""", "numImages", "must be an integer")]
    [InlineData("""{"seed":"42"}""", "seed", "must be an integer")]
    [InlineData("""{"styleType":3}""", "styleType", "must be a string")]
    [InlineData("""{"aspectRatio":["1:1"]}""", "aspectRatio", "must be a string")]
    [InlineData("""{"negativePrompt":null}""", "negativePrompt", "must be a string; null is not a value")]
    [InlineData("""{"styleCodes":"1A2B3C4D"}""", "styleCodes", "must be an array of strings")]
    [InlineData("""{"styleCodes":["1A2B3C4D",7]}""", "styleCodes[1]", "must be a string")]
    [InlineData("""{"styleReferenceImages":{"a":1}}""", "styleReferenceImages", "must be an array of strings")]
    [InlineData("""{"colorPalette":"#1B365D"}""", "colorPalette", "must be an object")]
    [InlineData("""{"colorPalette":{"name":1}}""", "colorPalette.name", "must be a string")]
    [InlineData("""{"colorPalette":{"members":"#1B365D"}}""", "colorPalette.members", "must be an array")]
    [InlineData("""{"colorPalette":{"members":[true]}}""", "colorPalette.members[0]", "must be a hex colour string")]
    [InlineData("""{"customPromptAddition":5}""", "customPromptAddition", "must be a string")]
    public void A_wrong_json_type_is_refused_naming_the_field_and_the_expected_type(string json, string field, string expected)
    {
        var parsed = OverridesParser.Parse(json);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message);
        Assert.Equal(new JobSettings(), parsed.Overrides);
    }

    [Fact]
    public void A_palette_member_object_with_an_unknown_property_is_refused_naming_the_member()
    {
        var error = Assert.Single(OverridesParser.Parse("""{"colorPalette":{"members":[{"colour":"#FFFFFF"}]}}""").Errors);

        Assert.Equal("colorPalette.members[0]", error.Field);
        Assert.Contains("colour", error.Message);
    }

    [Fact]
    public void An_unknown_palette_field_is_refused_naming_it()
    {
        var error = Assert.Single(OverridesParser.Parse("""{"colorPalette":{"colors":["#FFFFFF"]}}""").Errors);

        Assert.Equal("colorPalette.colors", error.Field);
        Assert.Equal(["name", "members"], error.Allowed);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var parsed = OverridesParser.Parse("""{"numImages":"two","model":"V_3","styleType":false,"aspectRatio":"1:1"}""");

        Assert.Equal(["numImages", "model", "styleType"], parsed.Errors.Select(e => e.Field));
        Assert.Equal(new JobSettings { AspectRatio = "1:1" }, parsed.Overrides);
    }

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        var error = Assert.Single(OverridesParser.Parse("""{"numImages":2,"numImages":3}""").Errors);

        Assert.Equal("numImages", error.Field);
        Assert.Contains("more than once", error.Message);
    }

    [Theory]
    [InlineData("{\"numImages\":2", "not valid JSON")]
    [InlineData("{'numImages':2}", "not valid JSON")]
    [InlineData("[{\"numImages\":2}]", "must be a JSON object")]
    [InlineData("\"numImages\"", "must be a JSON object")]
    [InlineData("2", "must be a JSON object")]
    [InlineData("""{"colorPalette":{"members":[{"color":{"a":{"b":1}}}]}}""", "nested more than 5 levels")]
    public void Malformed_json_a_non_object_or_too_deep_nesting_is_one_error_on_overrides(string json, string expected)
    {
        var parsed = OverridesParser.Parse(json);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("overrides", error.Field);
        Assert.Contains(expected, error.Message);
        Assert.Equal(new JobSettings(), parsed.Overrides);
    }

    [Fact]
    public void A_weighted_palette_member_object_is_within_the_depth_limit()
    {
        var parsed = OverridesParser.Parse("""{"colorPalette":{"members":[{"color":"#1B365D","weight":0.5}]}}""");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new PaletteMember("#1B365D", 0.5), Assert.Single(parsed.Overrides.ColorPalette!.Members!));
    }
}
