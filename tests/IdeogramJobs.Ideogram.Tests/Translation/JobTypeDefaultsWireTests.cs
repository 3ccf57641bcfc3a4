using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Http;
using IdeogramJobs.Ideogram.Tests.Infrastructure;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Ideogram.Tests.Translation;

/// <summary>
/// The five job types' default settings, written exactly as the specification gives them, plus a
/// prompt, produce these multipart fields on the wire (names, values, order).
/// </summary>
public sealed class JobTypeDefaultsWireTests
{
    private const string Prompt = "A sunrise over the hills";

    private static async Task<IReadOnlyList<(string Name, string Value)>> WireFields(string defaultSettingsJson)
    {
        var settings = SettingsJson.Deserialize<JobSettings>(defaultSettingsJson);
        Assert.Empty(V3SettingsValidator.Validate(settings));
        var result = V3RequestTranslator.Translate(Prompt, settings);
        Assert.True(result.Succeeded);
        using var content = V3MultipartEncoder.Encode(result.Request);
        var parts = await MultipartParts.ReadAsync(content);
        return parts.Select(p => (p.Name, p.Text)).ToArray();
    }

    [Fact]
    public async Task Product_marketing_defaults_send_16x9_default_speed_and_palette_objects()
    {
        var fields = await WireFields("""
            {"styleType":"DESIGN","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":4,
             "colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}
            """);

        Assert.Equal(
            [
                ("prompt", Prompt),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("negative_prompt", "low quality, blurry, text, watermark"),
                ("num_images", "4"),
                ("color_palette", """{"members":[{"color_hex":"#1B365D"},{"color_hex":"#FFFFFF"},{"color_hex":"#F4F4F4"}]}"""),
                ("style_type", "DESIGN"),
            ],
            fields);
    }

    [Fact]
    public async Task Social_media_defaults_send_FAST_as_TURBO_and_omit_the_empty_style_codes()
    {
        var fields = await WireFields("""
            {"styleType":"DESIGN","aspectRatio":"1:1","magicPrompt":"AUTO","renderingSpeed":"FAST","numImages":3,
             "styleCodes":[],"negativePrompt":"text, watermark, copyright"}
            """);

        Assert.Equal(
            [
                ("prompt", Prompt),
                ("aspect_ratio", "1x1"),
                ("rendering_speed", "TURBO"),
                ("magic_prompt", "AUTO"),
                ("negative_prompt", "text, watermark, copyright"),
                ("num_images", "3"),
                ("style_type", "DESIGN"),
            ],
            fields);
    }

    [Fact]
    public async Task Blog_header_defaults_send_16x9_general()
    {
        var fields = await WireFields("""
            {"styleType":"GENERAL","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,
             "negativePrompt":"people, faces, text"}
            """);

        Assert.Equal(
            [
                ("prompt", Prompt),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("negative_prompt", "people, faces, text"),
                ("num_images", "2"),
                ("style_type", "GENERAL"),
            ],
            fields);
    }

    [Fact]
    public async Task Concept_illustration_defaults_send_SLOW_as_QUALITY_at_4x3()
    {
        var fields = await WireFields("""
            {"styleType":"GENERAL","aspectRatio":"4:3","magicPrompt":"AUTO","renderingSpeed":"SLOW","numImages":1,
             "styleCodes":[],"negativePrompt":"realistic, photographic, people"}
            """);

        Assert.Equal(
            [
                ("prompt", Prompt),
                ("aspect_ratio", "4x3"),
                ("rendering_speed", "QUALITY"),
                ("magic_prompt", "AUTO"),
                ("negative_prompt", "realistic, photographic, people"),
                ("num_images", "1"),
                ("style_type", "GENERAL"),
            ],
            fields);
    }

    [Fact]
    public async Task Christian_content_defaults_send_realistic_with_their_palette()
    {
        var fields = await WireFields("""
            {"styleType":"REALISTIC","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,
             "negativePrompt":"Jesus face, crucifixes, catholic iconography, mystical symbols",
             "colorPalette":{"members":["#8B4513","#F5DEB3","#87CEEB"]}}
            """);

        Assert.Equal(
            [
                ("prompt", Prompt),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("negative_prompt", "Jesus face, crucifixes, catholic iconography, mystical symbols"),
                ("num_images", "2"),
                ("color_palette", """{"members":[{"color_hex":"#8B4513"},{"color_hex":"#F5DEB3"},{"color_hex":"#87CEEB"}]}"""),
                ("style_type", "REALISTIC"),
            ],
            fields);
    }

    [Fact]
    public async Task The_specifications_override_example_final_settings_send_1x1_realistic_two_images()
    {
        var fields = await WireFields("""
            {"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,
             "colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}
            """);

        Assert.Equal(
            [
                ("prompt", Prompt),
                ("aspect_ratio", "1x1"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("negative_prompt", "low quality, blurry, text, watermark"),
                ("num_images", "2"),
                ("color_palette", """{"members":[{"color_hex":"#1B365D"},{"color_hex":"#FFFFFF"},{"color_hex":"#F4F4F4"}]}"""),
                ("style_type", "REALISTIC"),
            ],
            fields);
    }
}
