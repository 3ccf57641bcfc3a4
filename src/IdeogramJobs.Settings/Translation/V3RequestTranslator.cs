using System.Globalization;
using IdeogramJobs.Contracts.Images;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Translation;

/// <summary>
/// Turns a prompt, job settings in the specification's vocabulary and the style reference
/// images into the values the V3 API accepts, or into the full list of reasons it cannot.
/// The mappings are those of the "Known mismatches" table in the API fact sheet: "16:9" → 16x9,
/// FAST → TURBO, SLOW → QUALITY, hex-string palette members → {"color_hex": ...} objects,
/// empty styleCodes → field omitted.
/// </summary>
public static class V3RequestTranslator
{
    public static V3TranslationResult Translate(
        string? prompt, JobSettings settings, IReadOnlyList<StyleReferenceUpload>? styleReferenceImages = null, StyleReferenceUpload? characterReferenceImage = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var images = styleReferenceImages ?? [];

        // The account grain owns the verdict callers see; these rules run again here because a job may
        // have been stored under older ones, and a refusal here ends the job before anything is sent.
        var errors = new List<SettingsError>();
        errors.AddRange(V3SettingsValidator.ValidatePrompt(prompt));
        errors.AddRange(V3SettingsValidator.Validate(settings));
        CheckStyleReferenceImages(errors, settings, images);
        if (BrandReference.AnyIn(settings))
        {
            // References are resolved when a job is submitted; one reaching the wire would be sent as a value.
            errors.Add(new SettingsError("settings", "The settings still name brand library entries (brand:<id>); they are resolved when a job is submitted."));
        }

        if (characterReferenceImage is not null)
        {
            errors.AddRange(ValidateCharacterReference(settings, characterReferenceImage));
        }
        if (errors.Count > 0)
        {
            return V3TranslationResult.Failure(errors);
        }

        var hasCodes = V3SettingsValidator.HasStyleCodes(settings);
        return V3TranslationResult.Success(new V3GenerateRequest(prompt!)
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

    /// <summary>
    /// One image (the API takes exactly one), JPEG, PNG or WebP, at most 10 MB. Ideogram prices character
    /// references for TURBO, DEFAULT and QUALITY only, so FLASH is refused rather than sent to fail.
    /// </summary>
    public static IReadOnlyList<SettingsError> ValidateCharacterReference(JobSettings settings, StyleReferenceUpload image)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(image);
        const string field = "characterReferenceImage";
        var errors = new List<SettingsError>();
        CheckImageType(errors, field, image, "a character reference image");
        if (image.Content.LongLength > V3Vocabulary.MaxStyleReferenceTotalBytes)
        {
            errors.Add(new SettingsError(field,
                $"{field} is {image.Content.LongLength.ToString(CultureInfo.InvariantCulture)} bytes; Ideogram accepts at most {V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes (10 MB).",
                image.Content.LongLength.ToString(CultureInfo.InvariantCulture),
                [$"0..{V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes"]));
        }

        if (settings.RenderingSpeed is { } speed && V3Vocabulary.ToApiRenderingSpeed(speed) == "FLASH")
        {
            errors.Add(new SettingsError("renderingSpeed",
                "renderingSpeed FLASH is not offered with a character reference image; use TURBO, DEFAULT or QUALITY.",
                speed, ["TURBO", "DEFAULT", "QUALITY"]));
        }

        return errors;
    }

    private static void CheckImageType(List<SettingsError> errors, string field, StyleReferenceUpload image, string what)
    {
        var declared = ImageSignature.MediaTypeOf(image.ContentType);
        if (declared is null || !V3Vocabulary.ImageContentTypes.Contains(declared))
        {
            errors.Add(new SettingsError(field,
                $"{field} '{image.FileName}' has content type '{image.ContentType}'; {what} must be JPEG, PNG or WebP.",
                image.ContentType, V3Vocabulary.ImageContentTypes));
            return;
        }

        var actual = ImageSignature.Detect(image.Content);
        if (actual != declared)
        {
            errors.Add(new SettingsError(field,
                $"{field} '{image.FileName}' is declared as {declared} but its content is {(actual ?? "not a JPEG, PNG or WebP image")}.",
                image.ContentType, V3Vocabulary.ImageContentTypes));
        }
    }

    private static string? Map(string? input, Func<string, string?> toApi) => input is null ? null : toApi(input);

    private static V3ColorPalette? MapPalette(ColorPalette? palette) => palette switch
    {
        null => null,
        { Name: { } name } => V3ColorPalette.Preset(V3Vocabulary.ToApiPalettePreset(name)!),
        _ => V3ColorPalette.FromMembers(palette.Members!.Select(m => new V3PaletteMember(m.Color, m.Weight)).ToArray()),
    };

    /// <summary>
    /// The uploaded images are what is sent, so their count, types and total size are checked
    /// here; the settings only hold references to them.
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

        if (images.Count == 0)
        {
            return;
        }

        // The settings-level checks already covered these when the settings list the images.
        if (referenced == 0)
        {
            V3SettingsValidator.CheckStyleReferenceCount(errors, images.Count);
            V3SettingsValidator.CheckStyleReferenceCombinations(errors, settings);
        }

        long total = 0;
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var field = $"styleReferenceImages[{i.ToString(CultureInfo.InvariantCulture)}]";
            total += image.Content.LongLength;
            CheckImageType(errors, field, image, "style reference images");
        }

        if (total > V3Vocabulary.MaxStyleReferenceTotalBytes)
        {
            errors.Add(new SettingsError("styleReferenceImages",
                $"styleReferenceImages total {total.ToString(CultureInfo.InvariantCulture)} bytes; Ideogram accepts at most {V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes (10 MB) across all reference images.",
                total.ToString(CultureInfo.InvariantCulture),
                [$"0..{V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes"]));
        }
    }
}
