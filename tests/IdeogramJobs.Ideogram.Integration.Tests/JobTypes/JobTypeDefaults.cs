using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Ideogram.Integration.Tests.JobTypes;

/// <summary>
/// The five job types' default settings exactly as the job specification gives them (spec
/// spellings: "16:9", FAST, SLOW, palette members as hex strings). A copy, not a reference to the
/// seeding code, so these tests check the client against the specification itself.
/// </summary>
public static class JobTypeDefaults
{
    public static JobSettings ProductMarketing { get; } = new()
    {
        StyleType = "DESIGN",
        AspectRatio = "16:9",
        MagicPrompt = "ON",
        RenderingSpeed = "DEFAULT",
        NumImages = 4,
        ColorPalette = Palette("#1B365D", "#FFFFFF", "#F4F4F4"),
        NegativePrompt = "low quality, blurry, text, watermark",
    };

    public static JobSettings SocialMedia { get; } = new()
    {
        StyleType = "DESIGN",
        AspectRatio = "1:1",
        MagicPrompt = "AUTO",
        RenderingSpeed = "FAST",
        NumImages = 3,
        StyleCodes = [],
        NegativePrompt = "text, watermark, copyright",
    };

    public static JobSettings BlogHeader { get; } = new()
    {
        StyleType = "GENERAL",
        AspectRatio = "16:9",
        MagicPrompt = "ON",
        RenderingSpeed = "DEFAULT",
        NumImages = 2,
        NegativePrompt = "people, faces, text",
    };

    public static JobSettings ConceptIllustration { get; } = new()
    {
        StyleType = "GENERAL",
        AspectRatio = "4:3",
        MagicPrompt = "AUTO",
        RenderingSpeed = "SLOW",
        NumImages = 1,
        StyleCodes = [],
        NegativePrompt = "realistic, photographic, people",
    };

    public static JobSettings ChristianContent { get; } = new()
    {
        StyleType = "REALISTIC",
        AspectRatio = "16:9",
        MagicPrompt = "ON",
        RenderingSpeed = "DEFAULT",
        NumImages = 2,
        NegativePrompt = "Jesus face, crucifixes, catholic iconography, mystical symbols",
        ColorPalette = Palette("#8B4513", "#F5DEB3", "#87CEEB"),
    };

    public static IReadOnlyDictionary<string, JobSettings> ByName { get; } = new Dictionary<string, JobSettings>(StringComparer.Ordinal)
    {
        ["product_marketing"] = ProductMarketing,
        ["social_media"] = SocialMedia,
        ["blog_header"] = BlogHeader,
        ["concept_illustration"] = ConceptIllustration,
        ["christian_content"] = ChristianContent,
    };

    private static ColorPalette Palette(params string[] colors) => new() { Members = [.. colors.Select(c => new PaletteMember(c))] };
}
