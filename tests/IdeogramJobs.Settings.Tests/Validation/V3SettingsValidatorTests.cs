using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Tests.Validation;

public sealed class V3SettingsValidatorTests
{
    private static SettingsError SingleError(JobSettings settings)
    {
        var errors = V3SettingsValidator.Validate(settings);
        return Assert.Single(errors);
    }

    private static ColorPalette Members(params string[] colours) => new() { Members = colours.Select(c => new PaletteMember(c)).ToArray() };

    [Theory]
    [InlineData("CUSTOM")]
    [InlineData("STYLIZED")]
    [InlineData("ANIME")]
    public void Rejects_style_type_outside_the_five_V3_values_naming_field_value_and_allowed(string styleType)
    {
        var error = SingleError(new JobSettings { StyleType = styleType });

        Assert.Equal("styleType", error.Field);
        Assert.Equal(styleType, error.Value);
        Assert.Equal(["AUTO", "GENERAL", "REALISTIC", "DESIGN", "FICTION"], error.Allowed);
        Assert.Contains(styleType, error.Message);
    }

    [Fact]
    public void Rejects_aspect_ratio_21_9_naming_the_field_and_the_colon_form_values()
    {
        var error = SingleError(new JobSettings { AspectRatio = "21:9" });

        Assert.Equal("aspectRatio", error.Field);
        Assert.Equal("21:9", error.Value);
        Assert.Equal(15, error.Allowed!.Count);
        Assert.Contains("16:9", error.Allowed);
    }

    [Theory]
    [InlineData("16/9")]
    [InlineData("16:9:1")]
    [InlineData("")]
    public void Rejects_aspect_ratio_that_is_not_W_colon_H_or_WxH(string aspectRatio)
    {
        Assert.Equal("aspectRatio", SingleError(new JobSettings { AspectRatio = aspectRatio }).Field);
    }

    [Theory]
    [InlineData("BALANCED")]
    [InlineData("MEDIUM")]
    public void Rejects_unknown_rendering_speed_listing_api_values_and_aliases(string speed)
    {
        var error = SingleError(new JobSettings { RenderingSpeed = speed });

        Assert.Equal("renderingSpeed", error.Field);
        Assert.Equal(["FLASH", "TURBO", "DEFAULT", "QUALITY", "FAST", "SLOW"], error.Allowed);
    }

    [Fact]
    public void Rejects_magic_prompt_other_than_AUTO_ON_OFF()
    {
        var error = SingleError(new JobSettings { MagicPrompt = "MAYBE" });

        Assert.Equal("magicPrompt", error.Field);
        Assert.Equal(["AUTO", "ON", "OFF"], error.Allowed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(-1)]
    public void Rejects_num_images_outside_1_to_8(int numImages)
    {
        var error = SingleError(new JobSettings { NumImages = numImages });

        Assert.Equal("numImages", error.Field);
        Assert.Equal(numImages.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Value);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], error.Allowed);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(2_147_483_648L)]
    public void Rejects_seed_outside_0_to_2147483647(long seed)
    {
        var error = SingleError(new JobSettings { Seed = seed });

        Assert.Equal("seed", error.Field);
        Assert.Equal(["0..2147483647"], error.Allowed);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(2_147_483_647L)]
    public void Accepts_seed_at_both_ends_of_the_range(long seed)
    {
        Assert.Empty(V3SettingsValidator.Validate(new JobSettings { Seed = seed }));
    }

    [Theory]
    [InlineData("1536x1536")]
    [InlineData("1024x768")]
    [InlineData("2048x1152")]
    public void Rejects_resolution_not_among_the_69_V3_values(string resolution)
    {
        var error = SingleError(new JobSettings { Resolution = resolution });

        Assert.Equal("resolution", error.Field);
        Assert.Equal(69, error.Allowed!.Count);
    }

    [Fact]
    public void Rejects_unknown_style_preset_listing_the_62_presets()
    {
        var error = SingleError(new JobSettings { StylePreset = "VAPORWAVE" });

        Assert.Equal("stylePreset", error.Field);
        Assert.Equal(62, error.Allowed!.Count);
    }

    [Fact]
    public void Rejects_aspect_ratio_together_with_resolution()
    {
        var error = SingleError(new JobSettings { AspectRatio = "16:9", Resolution = "1312x736" });

        Assert.Equal("resolution", error.Field);
        Assert.Contains("aspectRatio", error.Message);
    }

    [Fact]
    public void Rejects_style_codes_together_with_style_type()
    {
        var error = SingleError(new JobSettings { StyleType = "DESIGN", StyleCodes = ["1A2B3C4D"] });

        Assert.Equal("styleCodes", error.Field);
        Assert.Contains("styleType", error.Message);
    }

    [Fact]
    public void Rejects_style_codes_together_with_style_reference_images()
    {
        var error = SingleError(new JobSettings { StyleCodes = ["1A2B3C4D"], StyleReferenceImages = ["ref-1"] });

        Assert.Equal("styleCodes", error.Field);
        Assert.Contains("styleReferenceImages", error.Message);
    }

    [Fact]
    public void Rejects_style_preset_together_with_style_codes()
    {
        var error = SingleError(new JobSettings { StylePreset = "BAUHAUS", StyleCodes = ["1A2B3C4D"] });

        Assert.Equal("stylePreset", error.Field);
        Assert.Contains("styleCodes", error.Message);
    }

    [Fact]
    public void Rejects_style_preset_together_with_style_reference_images()
    {
        var error = SingleError(new JobSettings { StylePreset = "BAUHAUS", StyleReferenceImages = ["ref-1"] });

        Assert.Equal("stylePreset", error.Field);
        Assert.Contains("styleReferenceImages", error.Message);
    }

    [Fact]
    public void Accepts_empty_style_codes_with_a_style_type_because_empty_means_not_set()
    {
        Assert.Empty(V3SettingsValidator.Validate(new JobSettings { StyleType = "DESIGN", StyleCodes = [] }));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("ZZZZZZZZ")]
    [InlineData("1A2B-3C4")]
    [InlineData("1A2B3C4D\n")]
    [InlineData("1A2B3C4D,5E6F7A8B")]
    public void Rejects_style_code_that_is_not_exactly_8_hex_characters_naming_its_index(string code)
    {
        var error = SingleError(new JobSettings { StyleCodes = ["00000000", code] });

        Assert.Equal("styleCodes[1]", error.Field);
        Assert.Equal(code, error.Value);
    }

    [Fact]
    public void Accepts_style_codes_in_either_case()
    {
        Assert.Empty(V3SettingsValidator.Validate(new JobSettings { StyleCodes = ["1a2b3c4d", "DEADBEEF"] }));
    }

    [Fact]
    public void Rejects_more_than_10_style_codes()
    {
        var error = SingleError(new JobSettings { StyleCodes = Enumerable.Repeat("1A2B3C4D", 11).ToArray() });

        Assert.Equal("styleCodes", error.Field);
        Assert.Equal("11", error.Value);
    }

    [Fact]
    public void Rejects_more_than_3_style_reference_images()
    {
        var error = SingleError(new JobSettings { StyleReferenceImages = ["a", "b", "c", "d"] });

        Assert.Equal("styleReferenceImages", error.Field);
        Assert.Equal("4", error.Value);
    }

    [Fact]
    public void Rejects_palette_with_both_name_and_members()
    {
        var error = SingleError(new JobSettings { ColorPalette = new ColorPalette { Name = "PASTEL", Members = [new PaletteMember("#FFFFFF")] } });

        Assert.Equal("colorPalette", error.Field);
        Assert.Contains("either", error.Message);
    }

    [Fact]
    public void Rejects_palette_with_neither_name_nor_members()
    {
        var error = SingleError(new JobSettings { ColorPalette = new ColorPalette() });

        Assert.Equal("colorPalette", error.Field);
    }

    [Fact]
    public void Rejects_unknown_palette_preset_listing_the_eight_presets()
    {
        var error = SingleError(new JobSettings { ColorPalette = new ColorPalette { Name = "NEON" } });

        Assert.Equal("colorPalette.name", error.Field);
        Assert.Equal(["EMBER", "FRESH", "JUNGLE", "MAGIC", "MELON", "MOSAIC", "PASTEL", "ULTRAMARINE"], error.Allowed);
    }

    [Fact]
    public void Rejects_palette_with_no_members()
    {
        var error = SingleError(new JobSettings { ColorPalette = new ColorPalette { Members = [] } });

        Assert.Equal("colorPalette.members", error.Field);
        Assert.Equal("0", error.Value);
    }

    [Fact]
    public void Rejects_palette_with_more_than_8_members()
    {
        var error = SingleError(new JobSettings { ColorPalette = Members(Enumerable.Repeat("#FFFFFF", 9).ToArray()) });

        Assert.Equal("colorPalette.members", error.Field);
        Assert.Equal("9", error.Value);
    }

    [Theory]
    [InlineData("1B365D")]
    [InlineData("#1B365")]
    [InlineData("#GGGGGG")]
    [InlineData("navy")]
    [InlineData("#1B365D\n")]
    public void Rejects_palette_member_that_is_not_a_hex_colour_naming_its_index(string colour)
    {
        var error = SingleError(new JobSettings { ColorPalette = Members("#FFFFFF", colour) });

        Assert.Equal("colorPalette.members[1]", error.Field);
        Assert.Equal(colour, error.Value);
        Assert.Equal(["#RGB", "#RRGGBB"], error.Allowed);
    }

    [Fact]
    public void Accepts_short_and_long_hex_colours_in_either_case()
    {
        Assert.Empty(V3SettingsValidator.Validate(new JobSettings { ColorPalette = Members("#fff", "#1b365d", "#ABC") }));
    }

    [Theory]
    [InlineData(0.04)]
    [InlineData(1.01)]
    [InlineData(0)]
    public void Rejects_palette_weight_outside_0_05_to_1(double weight)
    {
        var error = SingleError(new JobSettings { ColorPalette = new ColorPalette { Members = [new PaletteMember("#FFFFFF", weight)] } });

        Assert.Equal("colorPalette.members[0].weight", error.Field);
        Assert.Equal(["0.05..1.0"], error.Allowed);
    }

    [Fact]
    public void Rejects_negative_prompt_longer_than_10000_characters()
    {
        var error = SingleError(new JobSettings { NegativePrompt = new string('n', 10_001) });

        Assert.Equal("negativePrompt", error.Field);
        Assert.Contains("10001", error.Message);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var errors = V3SettingsValidator.Validate(new JobSettings
        {
            StyleType = "CUSTOM",
            AspectRatio = "21:9",
            RenderingSpeed = "BALANCED",
            NumImages = 12,
            ColorPalette = Members("blue"),
        });

        Assert.Equal(["styleType", "aspectRatio", "renderingSpeed", "numImages", "colorPalette.members[0]"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Accepts_enum_values_in_any_case()
    {
        Assert.Empty(V3SettingsValidator.Validate(new JobSettings
        {
            StyleType = "design",
            MagicPrompt = "on",
            RenderingSpeed = "fast",
            StylePreset = "bauhaus",
            AspectRatio = "16X9",
        }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_missing_or_blank_prompt(string? prompt)
    {
        var error = Assert.Single(V3SettingsValidator.ValidatePrompt(prompt));

        Assert.Equal("prompt", error.Field);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void Rejects_prompt_longer_than_10000_characters()
    {
        var error = Assert.Single(V3SettingsValidator.ValidatePrompt(new string('p', 10_001)));

        Assert.Equal("prompt", error.Field);
        Assert.Contains("10000", error.Message);
    }

    [Fact]
    public void Accepts_prompt_of_exactly_10000_characters()
    {
        Assert.Empty(V3SettingsValidator.ValidatePrompt(new string('p', 10_000)));
    }
}
