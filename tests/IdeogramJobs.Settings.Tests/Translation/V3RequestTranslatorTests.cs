using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Settings.Tests.Translation;

public sealed class V3RequestTranslatorTests
{
    private const string Prompt = "a lighthouse at dawn";

    private static V3GenerateRequest Translate(JobSettings settings, IReadOnlyList<StyleReferenceUpload>? images = null)
    {
        var result = V3RequestTranslator.Translate(Prompt, settings, images);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Request;
    }

    private static IReadOnlyList<SettingsError> Refuse(JobSettings settings, IReadOnlyList<StyleReferenceUpload>? images = null)
    {
        var result = V3RequestTranslator.Translate(Prompt, settings, images);
        Assert.False(result.Succeeded);
        Assert.Null(result.Request);
        return result.Errors;
    }

    [Theory]
    [InlineData("16:9", "16x9")]
    [InlineData("1:1", "1x1")]
    [InlineData("4:3", "4x3")]
    [InlineData("9:16", "9x16")]
    [InlineData("3:4", "3x4")]
    [InlineData("1:3", "1x3")]
    [InlineData("3:1", "3x1")]
    [InlineData("1:2", "1x2")]
    [InlineData("2:1", "2x1")]
    [InlineData("10:16", "10x16")]
    [InlineData("16:10", "16x10")]
    [InlineData("2:3", "2x3")]
    [InlineData("3:2", "3x2")]
    [InlineData("4:5", "4x5")]
    [InlineData("5:4", "5x4")]
    public void Maps_colon_aspect_ratio_to_the_api_x_form(string input, string wire)
    {
        Assert.Equal(wire, Translate(new JobSettings { AspectRatio = input }).AspectRatio);
    }

    [Theory]
    [InlineData("16x9")]
    [InlineData("16X9")]
    public void Accepts_aspect_ratio_already_in_x_form(string input)
    {
        Assert.Equal("16x9", Translate(new JobSettings { AspectRatio = input }).AspectRatio);
    }

    [Fact]
    public void Maps_rendering_speed_FAST_to_TURBO()
    {
        Assert.Equal("TURBO", Translate(new JobSettings { RenderingSpeed = "FAST" }).RenderingSpeed);
    }

    [Fact]
    public void Maps_rendering_speed_SLOW_to_QUALITY()
    {
        Assert.Equal("QUALITY", Translate(new JobSettings { RenderingSpeed = "SLOW" }).RenderingSpeed);
    }

    [Theory]
    [InlineData("FLASH")]
    [InlineData("TURBO")]
    [InlineData("DEFAULT")]
    [InlineData("QUALITY")]
    public void Sends_api_rendering_speeds_unchanged(string speed)
    {
        Assert.Equal(speed, Translate(new JobSettings { RenderingSpeed = speed }).RenderingSpeed);
    }

    [Theory]
    [InlineData("AUTO")]
    [InlineData("ON")]
    [InlineData("OFF")]
    public void Sends_magic_prompt_unchanged(string option)
    {
        Assert.Equal(option, Translate(new JobSettings { MagicPrompt = option }).MagicPrompt);
    }

    [Fact]
    public void Sends_enum_values_in_the_apis_upper_case_whatever_case_was_given()
    {
        var request = Translate(new JobSettings { StyleType = "realistic", MagicPrompt = "off", StylePreset = "art_deco", Resolution = "1024X1024" });

        Assert.Equal("REALISTIC", request.StyleType);
        Assert.Equal("OFF", request.MagicPrompt);
        Assert.Equal("ART_DECO", request.StylePreset);
        Assert.Equal("1024x1024", request.Resolution);
    }

    [Fact]
    public void Maps_hex_string_palette_members_to_color_hex_objects_without_weights()
    {
        var request = Translate(new JobSettings
        {
            ColorPalette = new ColorPalette { Members = [new PaletteMember("#1B365D"), new PaletteMember("#FFFFFF"), new PaletteMember("#F4F4F4")] },
        });

        Assert.Equal(
            """{"members":[{"color_hex":"#1B365D"},{"color_hex":"#FFFFFF"},{"color_hex":"#F4F4F4"}]}""",
            request.ColorPalette!.ToJson());
    }

    [Fact]
    public void Adds_color_weight_only_to_members_that_have_one()
    {
        var request = Translate(new JobSettings
        {
            ColorPalette = new ColorPalette { Members = [new PaletteMember("#1B365D", 0.5), new PaletteMember("#FFFFFF")] },
        });

        Assert.Equal("""{"members":[{"color_hex":"#1B365D","color_weight":0.5},{"color_hex":"#FFFFFF"}]}""", request.ColorPalette!.ToJson());
    }

    [Fact]
    public void Sends_a_palette_preset_as_its_name_only()
    {
        var request = Translate(new JobSettings { ColorPalette = new ColorPalette { Name = "pastel" } });

        Assert.Equal("""{"name":"PASTEL"}""", request.ColorPalette!.ToJson());
    }

    [Fact]
    public void Omits_empty_style_codes_and_keeps_the_style_type()
    {
        var request = Translate(new JobSettings { StyleType = "DESIGN", StyleCodes = [] });

        Assert.Empty(request.StyleCodes);
        Assert.Equal("DESIGN", request.StyleType);
    }

    [Fact]
    public void Sends_each_style_code_and_no_style_type()
    {
        var request = Translate(new JobSettings { StyleCodes = ["1A2B3C4D", "deadbeef"] });

        Assert.Equal(["1A2B3C4D", "deadbeef"], request.StyleCodes);
        Assert.Null(request.StyleType);
    }

    [Fact]
    public void Passes_seed_count_negative_prompt_and_preset_through()
    {
        var request = Translate(new JobSettings { Seed = 42, NumImages = 8, NegativePrompt = "blur", StylePreset = "WATERCOLOR", Resolution = "1312x736" });

        Assert.Equal(42, request.Seed);
        Assert.Equal(8, request.NumImages);
        Assert.Equal("blur", request.NegativePrompt);
        Assert.Equal("WATERCOLOR", request.StylePreset);
        Assert.Equal("1312x736", request.Resolution);
        Assert.Equal(Prompt, request.Prompt);
    }

    [Fact]
    public void Leaves_unset_settings_unsent()
    {
        var request = Translate(new JobSettings());

        Assert.Null(request.Seed);
        Assert.Null(request.AspectRatio);
        Assert.Null(request.Resolution);
        Assert.Null(request.RenderingSpeed);
        Assert.Null(request.MagicPrompt);
        Assert.Null(request.NegativePrompt);
        Assert.Null(request.NumImages);
        Assert.Null(request.ColorPalette);
        Assert.Null(request.StyleType);
        Assert.Null(request.StylePreset);
        Assert.Empty(request.StyleCodes);
        Assert.Empty(request.StyleReferenceImages);
    }

    [Fact]
    public void Omits_a_blank_negative_prompt()
    {
        Assert.Null(Translate(new JobSettings { NegativePrompt = "  " }).NegativePrompt);
    }

    [Fact]
    public void Carries_reference_images_of_each_accepted_type()
    {
        StyleReferenceUpload[] images =
        [
            new("a.png", "image/png", TestImages.Png),
            new("b.jpg", "image/jpeg", TestImages.Jpeg),
            new("c.webp", "image/webp", TestImages.Webp),
        ];

        var request = Translate(new JobSettings { StyleType = "GENERAL", StyleReferenceImages = ["a", "b", "c"] }, images);

        Assert.Equal(images, request.StyleReferenceImages);
    }

    [Fact]
    public void Sends_a_value_the_vocabulary_does_not_know_as_it_is_for_ideogram_to_judge()
    {
        var request = Translate(new JobSettings { AspectRatio = "21:9", RenderingSpeed = "BALANCED", ColorPalette = new ColorPalette { Name = "NEON" } });

        Assert.Equal("21:9", request.AspectRatio);
        Assert.Equal("BALANCED", request.RenderingSpeed);
        Assert.Equal("""{"name":"NEON"}""", request.ColorPalette!.ToJson());
    }

    [Fact]
    public void Refuses_reference_images_over_10_MB_in_total()
    {
        var images = Enumerable.Range(1, 2).Select(i => new StyleReferenceUpload($"{i}.png", "image/png", TestImages.PngOfLength(5_000_001))).ToArray();

        var error = Assert.Single(Refuse(new JobSettings(), images));

        Assert.Equal("styleReferenceImages", error.Field);
        Assert.Equal("10000002", error.Value);
    }

    [Fact]
    public void Accepts_reference_images_of_exactly_10_MB_in_total()
    {
        var images = Enumerable.Range(1, 2).Select(i => new StyleReferenceUpload($"{i}.png", "image/png", TestImages.PngOfLength(5_000_000))).ToArray();

        Assert.Equal(2, Translate(new JobSettings(), images).StyleReferenceImages.Count);
    }

    [Fact]
    public void Refuses_settings_that_name_more_reference_images_than_were_supplied()
    {
        var error = Assert.Single(Refuse(new JobSettings { StyleReferenceImages = ["a", "b"] }, [new("a.png", "image/png", TestImages.Png)]));

        Assert.Equal("styleReferenceImages", error.Field);
    }

    [Fact]
    public void Sends_the_character_reference_image_it_is_given()
    {
        var face = new StyleReferenceUpload("face.png", "image/png", TestImages.Png);

        var result = V3RequestTranslator.Translate(Prompt, new JobSettings { RenderingSpeed = "TURBO" }, null, face);

        Assert.True(result.Succeeded);
        Assert.Equal([face], result.Request.CharacterReferenceImages);
    }
}
