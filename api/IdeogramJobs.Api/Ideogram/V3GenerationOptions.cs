using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Api.Ideogram;

/// <summary>
/// Every value a V3 setting accepts, from the same vocabulary the validator enforces, with the
/// job specification's spellings ("16:9", FAST, SLOW) and what is sent to Ideogram for them.
/// </summary>
public sealed record V3GenerationOptions
{
    public required IReadOnlyList<V3InputValue> AspectRatios { get; init; }
    public required IReadOnlyList<V3InputValue> RenderingSpeeds { get; init; }
    public required IReadOnlyList<string> MagicPrompt { get; init; }
    public required IReadOnlyList<string> StyleTypes { get; init; }
    public required IReadOnlyList<V3Style> CoreStyles { get; init; }
    public required IReadOnlyList<string> PalettePresets { get; init; }
    public required IReadOnlyList<string> Resolutions { get; init; }
    public required IReadOnlyList<string> StylePresets { get; init; }
    public required V3Limits Limits { get; init; }

    public static V3GenerationOptions Current { get; } = new()
    {
        AspectRatios = [.. V3Vocabulary.AspectRatioInputs.Select(input => new V3InputValue(input, V3Vocabulary.ToApiAspectRatio(input)!))],
        RenderingSpeeds = [.. V3Vocabulary.RenderingSpeedInputs.Select(input => new V3InputValue(input, V3Vocabulary.ToApiRenderingSpeed(input)!))],
        MagicPrompt = V3Vocabulary.MagicPromptOptions,
        StyleTypes = V3Vocabulary.StyleTypes,
        CoreStyles = V3Style.Core,
        PalettePresets = V3Vocabulary.PalettePresets,
        Resolutions = V3Vocabulary.Resolutions,
        StylePresets = V3Vocabulary.StylePresets,
        Limits = new V3Limits
        {
            MinNumImages = V3Vocabulary.MinNumImages,
            MaxNumImages = V3Vocabulary.MaxNumImages,
            MaxPromptLength = V3Vocabulary.MaxPromptLength,
            MaxNegativePromptLength = V3Vocabulary.MaxNegativePromptLength,
            MaxStyleReferenceImages = V3Vocabulary.MaxStyleReferenceImages,
            MaxStyleReferenceTotalBytes = V3Vocabulary.MaxStyleReferenceTotalBytes,
            StyleReferenceContentTypes = V3Vocabulary.ImageContentTypes,
            MinPaletteMembers = V3Vocabulary.MinPaletteMembers,
            MaxPaletteMembers = V3Vocabulary.MaxPaletteMembers,
            MinColorWeight = V3Vocabulary.MinColorWeight,
            MaxColorWeight = V3Vocabulary.MaxColorWeight,
            MaxStyleCodes = V3Vocabulary.MaxStyleCodes,
            MinSeed = V3Vocabulary.MinSeed,
            MaxSeed = V3Vocabulary.MaxSeed,
        },
    };
}
