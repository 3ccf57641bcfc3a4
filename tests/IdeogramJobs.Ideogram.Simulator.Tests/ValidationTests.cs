using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>Every rule the real API enforces answers 400 with a detail that names the field.</summary>
public sealed class ValidationTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorHost Simulator => fixture.Host;

    private async Task<string> RejectedNamingAsync(GenerateForm form, string field)
    {
        using var response = await Simulator.GenerateAsync(form);
        return await response.AssertBadRequestNamingAsync(field);
    }

    [Fact]
    public async Task Rejects_a_request_without_prompt_naming_the_field()
    {
        var detail = await RejectedNamingAsync(new GenerateForm().Text("aspect_ratio", "1x1"), "prompt");
        Assert.Contains("required", detail);
    }

    [Fact]
    public async Task Rejects_an_empty_prompt_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt(""), "prompt");
    }

    [Fact]
    public async Task Rejects_aspect_ratio_16_colon_9_naming_the_field_and_listing_the_values()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("aspect_ratio", "16:9"), "aspect_ratio");
        Assert.StartsWith("'16:9' is not one of [", detail);
        Assert.Contains("'16x9'", detail);
    }

    [Fact]
    public async Task Rejects_aspect_ratio_21x9_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("aspect_ratio", "21x9"), "aspect_ratio");
    }

    [Fact]
    public async Task Rejects_rendering_speed_FAST_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("rendering_speed", "FAST"), "rendering_speed");
        Assert.Contains("'TURBO'", detail);
    }

    [Fact]
    public async Task Rejects_lower_case_rendering_speed_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("rendering_speed", "turbo"), "rendering_speed");
    }

    [Fact]
    public async Task Rejects_magic_prompt_YES_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("magic_prompt", "YES"), "magic_prompt");
    }

    [Fact]
    public async Task Rejects_style_type_PHOTO_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("style_type", "PHOTO"), "style_type");
    }

    [Fact]
    public async Task Rejects_an_unknown_style_preset_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("style_preset", "STEAMPUNK"), "style_preset");
    }

    [Fact]
    public async Task Rejects_resolution_1920x1080_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("resolution", "1920x1080"), "resolution");
        Assert.Contains("'1312x736'", detail);
    }

    [Fact]
    public async Task Rejects_aspect_ratio_together_with_resolution()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().Text("aspect_ratio", "16x9").Text("resolution", "1312x736"), "aspect_ratio");
        Assert.Contains("'resolution'", detail);
    }

    [Fact]
    public async Task Rejects_num_images_9_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("num_images", "9"), "num_images");
        Assert.Contains("maximum of 8", detail);
    }

    [Fact]
    public async Task Rejects_num_images_0_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("num_images", "0"), "num_images");
        Assert.Contains("minimum of 1", detail);
    }

    [Fact]
    public async Task Rejects_num_images_that_is_not_a_number_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("num_images", "four"), "num_images");
        Assert.Contains("'integer'", detail);
    }

    [Fact]
    public async Task Rejects_a_negative_seed_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("seed", "-1"), "seed");
    }

    [Fact]
    public async Task Rejects_seed_2147483648_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("seed", "2147483648"), "seed");
        Assert.Contains("maximum of 2147483647", detail);
    }

    [Fact]
    public async Task Rejects_a_seed_that_is_not_a_whole_number_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("seed", "12.5"), "seed");
    }

    [Fact]
    public async Task Rejects_color_palette_that_is_not_json_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", "PASTEL"), "color_palette");
    }

    [Fact]
    public async Task Rejects_color_palette_that_is_a_list_of_hex_strings_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", """["#1B365D","#FFFFFF"]"""), "color_palette");
    }

    [Fact]
    public async Task Rejects_color_palette_with_both_name_and_members()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().Json("color_palette", """{"name":"PASTEL","members":[{"color_hex":"#FFFFFF"}]}"""), "color_palette");
        Assert.Contains("'name' and 'members'", detail);
    }

    [Fact]
    public async Task Rejects_color_palette_with_neither_name_nor_members()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", "{}"), "color_palette");
    }

    [Fact]
    public async Task Rejects_color_palette_with_an_unknown_key()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().Json("color_palette", """{"name":"PASTEL","colors":["#FFFFFF"]}"""), "color_palette");
        Assert.Contains("'colors'", detail);
    }

    [Fact]
    public async Task Rejects_an_unknown_palette_preset_naming_the_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", """{"name":"NEON"}"""), "color_palette.name");
    }

    [Fact]
    public async Task Rejects_a_palette_with_no_members()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", """{"members":[]}"""), "color_palette.members");
    }

    [Fact]
    public async Task Rejects_a_palette_with_nine_members()
    {
        var members = string.Join(",", Enumerable.Repeat("""{"color_hex":"#FFFFFF"}""", 9));
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", $$"""{"members":[{{members}}]}"""), "color_palette.members");
    }

    [Fact]
    public async Task Rejects_a_palette_member_given_as_a_bare_string()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", """{"members":["#FFFFFF"]}"""), "color_palette.members.0");
    }

    [Fact]
    public async Task Rejects_a_palette_member_with_a_five_digit_hex_colour()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().Json("color_palette", """{"members":[{"color_hex":"#FFFFFF"},{"color_hex":"#12345"}]}"""),
            "color_palette.members.1.color_hex");
        Assert.Contains("'#12345'", detail);
    }

    [Fact]
    public async Task Rejects_a_palette_member_without_color_hex()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Json("color_palette", """{"members":[{"color_weight":0.5}]}"""), "color_palette.members.0");
    }

    [Fact]
    public async Task Rejects_a_color_weight_below_0_05()
    {
        await RejectedNamingAsync(
            GenerateForm.WithPrompt().Json("color_palette", """{"members":[{"color_hex":"#FFF","color_weight":0.01}]}"""),
            "color_palette.members.0.color_weight");
    }

    [Fact]
    public async Task Rejects_a_color_weight_above_1()
    {
        await RejectedNamingAsync(
            GenerateForm.WithPrompt().Json("color_palette", """{"members":[{"color_hex":"#FFF","color_weight":1.5}]}"""),
            "color_palette.members.0.color_weight");
    }

    [Fact]
    public async Task Rejects_style_codes_joined_with_commas_naming_the_field()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("style_codes", "AAAAAAAA,BBBBBBBB"), "style_codes");
        Assert.Contains("'AAAAAAAA,BBBBBBBB'", detail);
    }

    [Fact]
    public async Task Rejects_a_style_code_that_is_not_eight_hex_digits()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("style_codes", "0A1B2C3D").Text("style_codes", "XYZ12345"), "style_codes");
    }

    [Fact]
    public async Task Rejects_style_codes_together_with_style_type()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().Text("style_codes", "0A1B2C3D").Text("style_type", "GENERAL"), "style_codes");
        Assert.Contains("'style_type'", detail);
    }

    [Fact]
    public async Task Rejects_style_codes_together_with_style_reference_images()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().Text("style_codes", "0A1B2C3D").File("style_reference_images", "a.png", "image/png", SampleImages.Png()),
            "style_codes");
        Assert.Contains("'style_reference_images'", detail);
    }

    [Fact]
    public async Task Rejects_a_gif_style_reference_image_naming_the_field()
    {
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt().File("style_reference_images", "a.gif", "image/gif", SampleImages.Gif()), "style_reference_images");
        Assert.Contains("a.gif", detail);
    }

    [Fact]
    public async Task Rejects_a_text_file_declared_as_png_because_the_bytes_decide()
    {
        await RejectedNamingAsync(
            GenerateForm.WithPrompt().File("style_reference_images", "fake.png", "image/png", "not an image"u8.ToArray()), "style_reference_images");
    }

    [Fact]
    public async Task Rejects_style_reference_images_over_10_MB_in_total()
    {
        var half = 5 * 1024 * 1024 + 1;
        var detail = await RejectedNamingAsync(
            GenerateForm.WithPrompt()
                .File("style_reference_images", "a.png", "image/png", SampleImages.Png(half))
                .File("style_reference_images", "b.jpg", "image/jpeg", SampleImages.Jpeg(half)),
            "style_reference_images");
        Assert.Contains("10 MB", detail);
    }

    [Fact]
    public async Task Rejects_a_style_reference_image_sent_as_a_text_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("style_reference_images", "https://example.com/a.png"), "style_reference_images");
    }

    [Fact]
    public async Task Rejects_two_character_reference_images()
    {
        await RejectedNamingAsync(
            GenerateForm.WithPrompt()
                .File("character_reference_images", "a.png", "image/png", SampleImages.Png())
                .File("character_reference_images", "b.png", "image/png", SampleImages.Png()),
            "character_reference_images");
    }

    [Fact]
    public async Task Rejects_a_character_mask_without_a_character_image()
    {
        await RejectedNamingAsync(
            GenerateForm.WithPrompt().File("character_reference_images_mask", "m.png", "image/png", SampleImages.Png()),
            "character_reference_images_mask");
    }

    [Fact]
    public async Task Rejects_the_model_field_that_V3_does_not_have()
    {
        var detail = await RejectedNamingAsync(GenerateForm.WithPrompt().Text("model", "V_3"), "model");
        Assert.Contains("'model' was unexpected", detail);
    }

    [Fact]
    public async Task Rejects_legacy_magic_prompt_option_as_an_unknown_field()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("magic_prompt_option", "AUTO"), "magic_prompt_option");
    }

    [Fact]
    public async Task Rejects_a_prompt_sent_twice()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt("one").Text("prompt", "two"), "prompt");
    }

    [Fact]
    public async Task Rejects_a_prompt_sent_as_a_file()
    {
        await RejectedNamingAsync(new GenerateForm().File("prompt", "prompt.txt", "text/plain", "a cat"u8.ToArray()), "prompt");
    }

    [Fact]
    public async Task Rejects_a_malformed_custom_model_uri()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("custom_model_uri", "my-model"), "custom_model_uri");
    }

    [Fact]
    public async Task Rejects_enable_copyright_detection_that_is_not_a_boolean()
    {
        await RejectedNamingAsync(GenerateForm.WithPrompt().Text("enable_copyright_detection", "maybe"), "enable_copyright_detection");
    }

    [Fact]
    public async Task Rejects_a_json_body_because_the_route_takes_multipart()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ideogram-v3/generate")
        {
            Content = new StringContent("""{"prompt":"a cat"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Api-Key", SimulatorHost.DefaultKey);
        using var response = await Simulator.Client.SendAsync(request);
        await response.AssertBadRequestNamingAsync("Content-Type");
    }

    [Fact]
    public async Task Rejects_a_truncated_multipart_body_naming_the_body()
    {
        var content = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=prompt\r\n\r\na cat"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ideogram-v3/generate") { Content = content };
        request.Headers.Add("Api-Key", SimulatorHost.DefaultKey);

        using var response = await Simulator.Client.SendAsync(request);

        await response.AssertBadRequestNamingAsync("body");
    }

    [Fact]
    public async Task Rejects_multipart_without_a_boundary_naming_the_content_type()
    {
        var content = new ByteArrayContent("prompt=a cat"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ideogram-v3/generate") { Content = content };
        request.Headers.Add("Api-Key", SimulatorHost.DefaultKey);

        using var response = await Simulator.Client.SendAsync(request);

        await response.AssertBadRequestNamingAsync("Content-Type");
    }

    [Fact]
    public async Task Accepts_a_request_using_every_field_correctly()
    {
        using var response = await Simulator.GenerateAsync(
            GenerateForm.WithPrompt()
                .Text("negative_prompt", "blur")
                .Text("seed", "2147483647")
                .Text("resolution", "1536x640")
                .Text("rendering_speed", "QUALITY")
                .Text("magic_prompt", "OFF")
                .Text("num_images", "8")
                .Json("color_palette", """{"members":[{"color_hex":"#1B365D","color_weight":1.0},{"color_hex":"#abc","color_weight":0.05}]}""")
                .Text("style_type", "AUTO")
                .Text("style_preset", "WOODBLOCK_PRINT")
                .Text("custom_model_uri", "model/mine/version/3")
                .Text("enable_copyright_detection", "true")
                .File("style_reference_images", "a.png", "image/png", SampleImages.Png())
                .File("style_reference_images", "b.webp", "image/webp", SampleImages.Webp())
                .File("character_reference_images", "c.jpg", "image/jpeg", SampleImages.Jpeg())
                .File("character_reference_images_mask", "m.png", "image/png", SampleImages.Png()));
        var body = await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal(8, body.GetProperty("data").GetArrayLength());
    }
}
