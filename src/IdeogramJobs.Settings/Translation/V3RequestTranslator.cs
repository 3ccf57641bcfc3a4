using System.Globalization;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Translation;

/// <summary>
/// Turns a prompt, job settings in the specification's vocabulary and the style reference
/// images into the values the V3 API accepts. The mappings are those of the "Known mismatches"
/// table in the API fact sheet: "16:9" → 16x9, FAST → TURBO, SLOW → QUALITY, hex-string palette
/// members → {"color_hex": ...} objects, empty styleCodes → field omitted.
/// </summary>
public static class V3RequestTranslator
{
    public static V3TranslationResult Translate(
        string prompt, JobSettings settings, IReadOnlyList<StyleReferenceUpload>? styleReferenceImages = null, StyleReferenceUpload? characterReferenceImage = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(settings);
        var images = styleReferenceImages ?? [];

        // The account grain judged the settings, the prompt and the character reference when the job was
        // submitted; a job stored under older rules is judged by Ideogram itself (a 400 fails the job
        // permanently and is not billed). What stays here is what only the request being built shows.
        var errors = new List<SettingsError>();
        CheckStyleReferenceImages(errors, settings, images);
        if (BrandReference.AnyIn(settings))
        {
            // References are resolved when a job is submitted; one reaching the wire would be sent as a value.
            errors.Add(new SettingsError("settings", "The settings still name brand library entries (brand:<id>); they are resolved when a job is submitted."));
        }

        if (errors.Count > 0)
        {
            return V3TranslationResult.Failure(errors);
        }

        var hasCodes = V3SettingsValidator.HasStyleCodes(settings);
        return V3TranslationResult.Success(new V3GenerateRequest(prompt)
        {
            Seed = settings.Seed,
            Resolution = Map(settings.Resolution, V3Vocabulary.ToApiResolution),
            AspectRatio = Map(settings.AspectRatio, V3Vocabulary.ToApiAspectRatio),
            RenderingSpeed = Map(settings.RenderingSpeed, V3Vocabulary.ToApiRenderingSpeed),
            MagicPrompt = Map(settings.MagicPrompt, V3Vocabulary.ToApiMagicPrompt),
            NegativePrompt = string.IsNullOrWhiteSpace(settings.NegativePrompt) ? null : settings.NegativePrompt,
            NumImages = settings.NumImages,
            ColorPalette = MapPalette(settings.ColorPalette),
            StyleCodes = hasCodes ? settings.StyleCodes!.ToArray() : [],
            // Style codes replace the style type; the API refuses both together.
            StyleType = hasCodes ? null : Map(settings.StyleType, V3Vocabulary.ToApiStyleType),
            StylePreset = Map(settings.StylePreset, V3Vocabulary.ToApiStylePreset),
            StyleReferenceImages = images.ToArray(),
            CharacterReferenceImages = characterReferenceImage is null ? [] : [characterReferenceImage],
        });
    }

    /// <summary>A value the vocabulary does not know is sent as it is, for Ideogram to judge.</summary>
    private static string? Map(string? input, Func<string, string?> toApi) => input is null ? null : toApi(input) ?? input;

    private static V3ColorPalette? MapPalette(ColorPalette? palette) => palette switch
    {
        null => null,
        { Name: { } name } => V3ColorPalette.Preset(Map(name, V3Vocabulary.ToApiPalettePreset)!),
        _ => V3ColorPalette.FromMembers((palette.Members ?? []).Select(m => new V3PaletteMember(m.Color, m.Weight)).ToArray()),
    };

    /// <summary>
    /// The images are what is sent and the settings only name them, so the two must agree; and the
    /// images' bytes together (brand library images with the submission's own) are bounded.
    /// </summary>
    private static void CheckStyleReferenceImages(List<SettingsError> errors, JobSettings settings, IReadOnlyList<StyleReferenceUpload> images)
    {
        var referenced = settings.StyleReferenceImages?.Count ?? 0;
        if (referenced > 0 && referenced != images.Count)
        {
            errors.Add(new SettingsError("styleReferenceImages",
                $"styleReferenceImages names {referenced.ToString(CultureInfo.InvariantCulture)} images but {images.Count.ToString(CultureInfo.InvariantCulture)} were supplied; supply every referenced image.",
                images.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var total = images.Sum(image => image.Content.LongLength);
        if (total > V3Vocabulary.MaxStyleReferenceTotalBytes)
        {
            errors.Add(new SettingsError("styleReferenceImages",
                $"styleReferenceImages total {total.ToString(CultureInfo.InvariantCulture)} bytes; Ideogram accepts at most {V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes (10 MB) across all reference images.",
                total.ToString(CultureInfo.InvariantCulture),
                [$"0..{V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes"]));
        }
    }
}
