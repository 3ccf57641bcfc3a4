using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Seeding;

/// <summary>
/// The five job types of the job-app specification, with exactly its default settings (spec
/// values such as "16:9" and FAST are kept; they are translated only when a request is sent).
/// </summary>
public static class DefaultJobTypes
{
    /// <summary>The form section the seeded types put rarely changed settings in; forms show it collapsed.</summary>
    public const string AdvancedGroup = "advanced";

    private static readonly IReadOnlyList<string> CoreStyles = ["AUTO", "GENERAL", "REALISTIC", "DESIGN"];

    public static IReadOnlyList<JobTypeDefinition> All { get; } =
    [
        new(
            "product_marketing",
            "Product Marketing Images",
            "Generate promotional images for product marketing",
            new JobSettings
            {
                StyleType = "DESIGN",
                AspectRatio = "16:9",
                MagicPrompt = "ON",
                RenderingSpeed = "DEFAULT",
                NumImages = 4,
                ColorPalette = Palette("#1B365D", "#FFFFFF", "#F4F4F4"),
                NegativePrompt = "low quality, blurry, text, watermark",
            },
            Schema(
                Prompt("Describe the product marketing image you want to generate..."),
                Select("styleType", "Style Type", CoreStyles, "DESIGN"),
                Select("aspectRatio", "Aspect Ratio", ["1:1", "16:9", "9:16", "4:3", "3:4"], "16:9"),
                Slider("numImages", "Number of Images", 1, 8, 4),
                Seed()),
            1),
        new(
            "social_media",
            "Social Media Content",
            "Generate social media graphics",
            new JobSettings
            {
                StyleType = "DESIGN",
                AspectRatio = "1:1",
                MagicPrompt = "AUTO",
                RenderingSpeed = "FAST",
                NumImages = 3,
                StyleCodes = [],
                NegativePrompt = "text, watermark, copyright",
            },
            Schema(
                Prompt("Describe the social media graphic you want to generate..."),
                Addition(),
                Select("aspectRatio", "Aspect Ratio", ["1:1", "4:5", "9:16", "16:9"], "1:1"),
                Select("magicPrompt", "Magic Prompt", ["AUTO", "ON", "OFF"], "AUTO"),
                Slider("numImages", "Number of Images", 1, 4, 3),
                StyleCodes(),
                Seed()),
            2),
        new(
            "blog_header",
            "Blog Header Images",
            "Generate blog article headers",
            new JobSettings
            {
                StyleType = "GENERAL",
                AspectRatio = "16:9",
                MagicPrompt = "ON",
                RenderingSpeed = "DEFAULT",
                NumImages = 2,
                NegativePrompt = "people, faces, text",
            },
            Schema(
                Prompt("Describe the blog article the header is for..."),
                Select("aspectRatio", "Aspect Ratio", ["16:9", "16:10", "2:1", "3:1"], "16:9"),
                Slider("numImages", "Number of Images", 1, 4, 2),
                new UiField { Name = "negativePrompt", Type = UiFieldTypes.Textarea, Label = "Avoid", DefaultJson = "\"people, faces, text\"" },
                Seed()),
            3),
        new(
            "concept_illustration",
            "Concept Illustrations",
            "Generate abstract concept visuals",
            new JobSettings
            {
                StyleType = "GENERAL",
                AspectRatio = "4:3",
                MagicPrompt = "AUTO",
                RenderingSpeed = "SLOW",
                NumImages = 1,
                StyleCodes = [],
                NegativePrompt = "realistic, photographic, people",
            },
            Schema(
                Prompt("Describe the concept you want illustrated..."),
                Select("styleType", "Style Type", ["GENERAL", "DESIGN", "AUTO"], "GENERAL"),
                Select("renderingSpeed", "Rendering Speed", ["FAST", "DEFAULT", "SLOW"], "SLOW"),
                Select("aspectRatio", "Aspect Ratio", ["4:3", "1:1", "16:9", "3:4"], "4:3"),
                ColourPalette(),
                StyleCodes(),
                Seed()),
            4),
        new(
            "christian_content",
            "Christian Content Images",
            "Generate appropriate Christian imagery",
            new JobSettings
            {
                StyleType = "REALISTIC",
                AspectRatio = "16:9",
                MagicPrompt = "ON",
                RenderingSpeed = "DEFAULT",
                NumImages = 2,
                NegativePrompt = "Jesus face, crucifixes, catholic iconography, mystical symbols",
                ColorPalette = Palette("#8B4513", "#F5DEB3", "#87CEEB"),
            },
            Schema(
                Prompt("Describe the scene you want to generate..."),
                Addition(),
                Select("aspectRatio", "Aspect Ratio", ["16:9", "1:1", "4:3"], "16:9"),
                Slider("numImages", "Number of Images", 1, 4, 2),
                ColourPalette(),
                Seed()),
            5),
    ];

    private static ColorPalette Palette(params string[] colors) => new() { Members = [.. colors.Select(c => new PaletteMember(c))] };

    private static UiSchema Schema(params UiField[] fields) => new() { Fields = fields };

    private static UiField Prompt(string placeholder) => new()
    {
        Name = "prompt",
        Type = UiFieldTypes.Textarea,
        Label = "Image Description",
        Required = true,
        Placeholder = placeholder,
    };

    private static UiField Addition() => new()
    {
        Name = "customPromptAddition",
        Type = UiFieldTypes.Text,
        Label = "Add to the prompt",
        Placeholder = "e.g. with modern minimalist design",
    };

    private static UiField ColourPalette() => new() { Name = "colorPalette", Type = UiFieldTypes.ColorPalette, Label = "Colour Palette" };

    // Offered where the defaults carry style codes (an empty list): codes a user adds replace the default style type.
    private static UiField StyleCodes() => new()
    {
        Name = "styleCodes",
        Type = UiFieldTypes.StyleCodes,
        Label = "Style Codes",
        HelpText = "Ideogram style codes (8 hex digits each); they take the place of the style type.",
    };

    // The same seed with the same settings repeats an image; most users never need it, so it sits under "advanced".
    private static UiField Seed() => new()
    {
        Name = "seed",
        Type = UiFieldTypes.Number,
        Label = "Seed",
        Min = 0,
        Max = int.MaxValue,
        HelpText = "Leave empty for a new image each time; reuse a seed to repeat one.",
        Group = AdvancedGroup,
    };

    private static UiField Select(string name, string label, IReadOnlyList<string> options, string defaultValue) => new()
    {
        Name = name,
        Type = UiFieldTypes.Select,
        Label = label,
        Options = options,
        DefaultJson = $"\"{defaultValue}\"",
    };

    private static UiField Slider(string name, string label, int min, int max, int defaultValue) => new()
    {
        Name = name,
        Type = UiFieldTypes.Slider,
        Label = label,
        Min = min,
        Max = max,
        DefaultJson = defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
