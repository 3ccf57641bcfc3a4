using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Grains.Configurations;

/// <summary>
/// The job type behind POST /api/ideogram/v3/generate: no defaults beyond one image, and every V3
/// setting open to the caller, so ad-hoc generations run as jobs under the same limits as any other.
/// Created for an account the first time it generates directly.
/// </summary>
public static class DirectGenerationJobType
{
    public const string Name = JobTypeNames.DirectGeneration;

    public static JobConfigurationDraft Draft { get; } = new()
    {
        JobTypeName = Name,
        DisplayName = "Direct Ideogram V3 generation",
        Description = "Ad-hoc generations with any Ideogram V3 settings.",
        DefaultSettings = new JobSettings { NumImages = 1 },
        ExecutionOrder = 10_000,
        UiSchema = new UiSchema
        {
            Fields =
            [
                new UiField { Name = "prompt", Type = UiFieldTypes.Textarea, Label = "Prompt", Required = true },
                new UiField { Name = "styleType", Type = UiFieldTypes.Select, Label = "Style type", Options = V3Vocabulary.StyleTypes },
                new UiField { Name = "aspectRatio", Type = UiFieldTypes.Select, Label = "Aspect ratio", Options = [.. V3Vocabulary.AspectRatioInputs, .. V3Vocabulary.AspectRatios] },
                new UiField { Name = "resolution", Type = UiFieldTypes.Select, Label = "Resolution", Options = V3Vocabulary.Resolutions },
                new UiField { Name = "renderingSpeed", Type = UiFieldTypes.Select, Label = "Rendering speed", Options = V3Vocabulary.RenderingSpeedInputs },
                new UiField { Name = "magicPrompt", Type = UiFieldTypes.Select, Label = "Magic prompt", Options = V3Vocabulary.MagicPromptOptions },
                new UiField { Name = "numImages", Type = UiFieldTypes.Slider, Label = "Number of images", Min = V3Vocabulary.MinNumImages, Max = V3Vocabulary.MaxNumImages },
                new UiField { Name = "negativePrompt", Type = UiFieldTypes.Textarea, Label = "Avoid" },
                new UiField { Name = "colorPalette", Type = UiFieldTypes.ColorPalette, Label = "Colour palette" },
                new UiField { Name = "styleCodes", Type = UiFieldTypes.StyleCodes, Label = "Style codes" },
                new UiField { Name = "stylePreset", Type = UiFieldTypes.Select, Label = "Style preset", Options = V3Vocabulary.StylePresets },
                new UiField { Name = "seed", Type = UiFieldTypes.Number, Label = "Seed", Min = 0, Max = int.MaxValue },
            ],
        },
    };
}
