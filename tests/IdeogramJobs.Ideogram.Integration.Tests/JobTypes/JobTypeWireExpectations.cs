namespace IdeogramJobs.Ideogram.Integration.Tests.JobTypes;

/// <summary>
/// The V3 wire form of each job type's defaults, written out by hand from the API reference's
/// mappings: "16:9" → 16x9, FAST → TURBO, SLOW → QUALITY, hex-string palette members →
/// {"color_hex": ...} objects in one application/json part, an empty styleCodes list → no part,
/// and never a <c>model</c> part (V3 has none). Resolutions are Ideogram's for each ratio.
/// </summary>
public static class JobTypeWireExpectations
{
    public const string ProductPalette = """{"members":[{"color_hex":"#1B365D"},{"color_hex":"#FFFFFF"},{"color_hex":"#F4F4F4"}]}""";

    public const string ChristianPalette = """{"members":[{"color_hex":"#8B4513"},{"color_hex":"#F5DEB3"},{"color_hex":"#87CEEB"}]}""";

    public static ExpectedGenerateRequest For(string jobType, string prompt) => jobType switch
    {
        "product_marketing" => new(
            [
                ("prompt", prompt),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("num_images", "4"),
                ("color_palette", ProductPalette),
                ("negative_prompt", "low quality, blurry, text, watermark"),
                ("style_type", "DESIGN"),
            ],
            4, "1312x736", "DESIGN"),
        "social_media" => new(
            [
                ("prompt", prompt),
                ("aspect_ratio", "1x1"),
                ("rendering_speed", "TURBO"),
                ("magic_prompt", "AUTO"),
                ("num_images", "3"),
                ("negative_prompt", "text, watermark, copyright"),
                ("style_type", "DESIGN"),
            ],
            3, "1024x1024", "DESIGN"),
        "blog_header" => new(
            [
                ("prompt", prompt),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("num_images", "2"),
                ("negative_prompt", "people, faces, text"),
                ("style_type", "GENERAL"),
            ],
            2, "1312x736", "GENERAL"),
        "concept_illustration" => new(
            [
                ("prompt", prompt),
                ("aspect_ratio", "4x3"),
                ("rendering_speed", "QUALITY"),
                ("magic_prompt", "AUTO"),
                ("num_images", "1"),
                ("negative_prompt", "realistic, photographic, people"),
                ("style_type", "GENERAL"),
            ],
            1, "1152x864", "GENERAL"),
        "christian_content" => new(
            [
                ("prompt", prompt),
                ("aspect_ratio", "16x9"),
                ("rendering_speed", "DEFAULT"),
                ("magic_prompt", "ON"),
                ("num_images", "2"),
                ("color_palette", ChristianPalette),
                ("negative_prompt", "Jesus face, crucifixes, catholic iconography, mystical symbols"),
                ("style_type", "REALISTIC"),
            ],
            2, "1312x736", "REALISTIC"),
        _ => throw new ArgumentOutOfRangeException(nameof(jobType), jobType, "Not one of the five job types."),
    };
}
