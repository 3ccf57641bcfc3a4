using System.Globalization;
using IdeogramJobs.Contracts.Images;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// A character reference image with the settings it is sent with. One image (the API takes exactly one),
/// JPEG, PNG or WebP, at most 10 MB. Ideogram prices character references for TURBO, DEFAULT and QUALITY
/// only, so FLASH is refused rather than sent to fail.
/// </summary>
public static class CharacterReferenceValidator
{
    private const string Field = "characterReferenceImage";

    public static IReadOnlyList<SettingsError> Validate(JobSettings settings, StyleReferenceUpload image)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(image);
        var errors = new List<SettingsError>();
        CheckImageType(errors, image);
        if (image.Content.LongLength > V3Vocabulary.MaxStyleReferenceTotalBytes)
        {
            errors.Add(new SettingsError(Field,
                $"{Field} is {image.Content.LongLength.ToString(CultureInfo.InvariantCulture)} bytes; Ideogram accepts at most {V3Vocabulary.MaxStyleReferenceTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes (10 MB).",
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

    private static void CheckImageType(List<SettingsError> errors, StyleReferenceUpload image)
    {
        var declared = ImageSignature.MediaTypeOf(image.ContentType);
        if (declared is null || !V3Vocabulary.ImageContentTypes.Contains(declared))
        {
            errors.Add(new SettingsError(Field,
                $"{Field} '{image.FileName}' has content type '{image.ContentType}'; a character reference image must be JPEG, PNG or WebP.",
                image.ContentType, V3Vocabulary.ImageContentTypes));
            return;
        }

        var actual = ImageSignature.Detect(image.Content);
        if (actual != declared)
        {
            errors.Add(new SettingsError(Field,
                $"{Field} '{image.FileName}' is declared as {declared} but its content is {(actual ?? "not a JPEG, PNG or WebP image")}.",
                image.ContentType, V3Vocabulary.ImageContentTypes));
        }
    }
}
