using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Http;
using IdeogramJobs.Ideogram.Tests.Infrastructure;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Ideogram.Tests.Http;

public sealed class V3MultipartEncoderTests
{
    private static V3GenerateRequest Request(string prompt, JobSettings settings, IReadOnlyList<StyleReferenceUpload>? images = null)
    {
        var result = V3RequestTranslator.Translate(prompt, settings, images);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Request;
    }

    private static async Task<IReadOnlyList<MultipartPart>> EncodeAndParse(V3GenerateRequest request)
    {
        using var content = V3MultipartEncoder.Encode(request);
        return await MultipartParts.ReadAsync(content);
    }

    [Fact]
    public async Task Writes_one_part_per_field_in_the_documented_order_with_api_names_and_values()
    {
        var request = Request("a red fox, ümlaut", new JobSettings
        {
            Seed = 2_147_483_647,
            AspectRatio = "16:9",
            RenderingSpeed = "FAST",
            MagicPrompt = "ON",
            NegativePrompt = "blurry",
            NumImages = 4,
            ColorPalette = new ColorPalette { Members = [new PaletteMember("#1B365D", 0.75), new PaletteMember("#FFF")] },
            StyleType = "DESIGN",
            StylePreset = "BAUHAUS",
        });

        var parts = await EncodeAndParse(request);

        Assert.Equal(
            [
                ("prompt", "a red fox, ümlaut"),
                ("seed", "2147483647"),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "TURBO"),
                ("magic_prompt", "ON"),
                ("negative_prompt", "blurry"),
                ("num_images", "4"),
                ("color_palette", """{"members":[{"color_hex":"#1B365D","color_weight":0.75},{"color_hex":"#FFF"}]}"""),
                ("style_type", "DESIGN"),
                ("style_preset", "BAUHAUS"),
            ],
            parts.Select(p => (p.Name, p.Text)));
    }

    [Fact]
    public async Task Quotes_part_names_and_gives_text_parts_no_content_type()
    {
        var parts = await EncodeAndParse(Request("p", new JobSettings { NumImages = 1 }));

        Assert.Equal(["form-data; name=\"prompt\"", "form-data; name=\"num_images\""], parts.Select(p => p.ContentDisposition));
        Assert.All(parts, p => Assert.Null(p.ContentType));
    }

    [Fact]
    public async Task Sends_the_palette_as_one_json_part_typed_application_json()
    {
        var parts = await EncodeAndParse(Request("p", new JobSettings { ColorPalette = new ColorPalette { Name = "EMBER" } }));

        var palette = Assert.Single(parts, p => p.Name == "color_palette");
        Assert.Equal("application/json", palette.ContentType);
        Assert.Equal("""{"name":"EMBER"}""", palette.Text);
    }

    [Fact]
    public async Task Repeats_the_style_codes_part_once_per_code_and_sends_resolution()
    {
        var parts = await EncodeAndParse(Request("p", new JobSettings { Resolution = "1312x736", StyleCodes = ["1A2B3C4D", "5E6F7A8B"] }));

        Assert.Equal(
            [("prompt", "p"), ("resolution", "1312x736"), ("style_codes", "1A2B3C4D"), ("style_codes", "5E6F7A8B")],
            parts.Select(p => (p.Name, p.Text)));
    }

    [Fact]
    public async Task Sends_each_reference_image_as_a_file_part_with_its_type_and_a_file_name()
    {
        var request = Request("p", new JobSettings { StyleType = "AUTO" },
        [
            new StyleReferenceUpload("mood \"board\".png", "image/png", TestImages.Png),
            new StyleReferenceUpload("photo.jpeg", "image/jpeg; charset=binary", TestImages.Jpeg),
        ]);

        var parts = await EncodeAndParse(request);

        var files = parts.Where(p => p.FileName is not null).ToArray();
        Assert.Equal(["style_reference_images", "style_reference_images"], files.Select(f => f.Name));
        Assert.Equal(["style_reference_1.png", "style_reference_2.jpg"], files.Select(f => f.FileName));
        Assert.Equal(["image/png", "image/jpeg"], files.Select(f => f.ContentType));
        Assert.Equal(TestImages.Png, files[0].Content);
        Assert.Equal(TestImages.Jpeg, files[1].Content);
        Assert.Equal(["prompt", "style_type", "style_reference_images", "style_reference_images"], parts.Select(p => p.Name));
    }

    [Fact]
    public async Task A_character_reference_is_sent_as_one_character_reference_images_file_part_after_the_style_references()
    {
        var translated = V3RequestTranslator.Translate(
            "p",
            new JobSettings { StyleType = "AUTO", RenderingSpeed = "TURBO" },
            [new StyleReferenceUpload("style.png", "image/png", TestImages.Png)],
            new StyleReferenceUpload("hero \"me\".jpeg", "image/jpeg", TestImages.Jpeg));
        Assert.True(translated.Succeeded, string.Join("; ", translated.Errors.Select(e => e.Message)));

        var parts = await EncodeAndParse(translated.Request);

        var character = Assert.Single(parts, p => p.Name == "character_reference_images");
        Assert.Equal("character_reference.jpg", character.FileName);
        Assert.Equal("image/jpeg", character.ContentType);
        Assert.Equal(TestImages.Jpeg, character.Content);
        Assert.Equal(["prompt", "rendering_speed", "style_type", "style_reference_images", "character_reference_images"], parts.Select(p => p.Name));
    }

    [Fact]
    public async Task Without_a_character_reference_no_character_part_is_sent()
    {
        var parts = await EncodeAndParse(Request("p", new JobSettings { StyleType = "AUTO" }));

        Assert.DoesNotContain(parts, p => p.Name.StartsWith("character_reference", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Never_sends_a_model_part()
    {
        var parts = await EncodeAndParse(Request("p", new JobSettings
        {
            AspectRatio = "1:1",
            RenderingSpeed = "SLOW",
            MagicPrompt = "AUTO",
            NumImages = 2,
            StyleType = "GENERAL",
            Seed = 1,
        }));

        Assert.DoesNotContain(parts, p => p.Name.Contains("model", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Lets_the_framework_write_multipart_form_data_with_a_boundary()
    {
        using var content = V3MultipartEncoder.Encode(Request("p", new JobSettings()));

        Assert.Equal("multipart/form-data", content.Headers.ContentType!.MediaType);
        Assert.Contains(content.Headers.ContentType.Parameters, p => p.Name == "boundary" && !string.IsNullOrEmpty(p.Value));
    }

    [Fact]
    public async Task Builds_independent_content_on_every_call_so_each_attempt_sends_a_fresh_body()
    {
        var request = Request("p", new JobSettings { NumImages = 3 });
        using var first = V3MultipartEncoder.Encode(request);
        using var second = V3MultipartEncoder.Encode(request);

        var firstParts = await MultipartParts.ReadAsync(first);
        var secondParts = await MultipartParts.ReadAsync(second);

        Assert.NotSame(first, second);
        Assert.Equal(firstParts.Select(p => (p.Name, p.Text)), secondParts.Select(p => (p.Name, p.Text)));
    }
}
