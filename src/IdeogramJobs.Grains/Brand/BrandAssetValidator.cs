using System.Globalization;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Grains.Brand;

/// <summary>
/// Checks a brand library entry in the V3 vocabulary: style codes are 8 hexadecimal characters,
/// a palette is a preset name or 1 to 8 hex colours with weights 0.05 to 1.0, an image is within
/// the API's 10 MB. Errors name the request's fields (name, codes, palette..., image).
/// </summary>
internal static class BrandAssetValidator
{
    public const int MaxNameLength = 100;

    public static IReadOnlyList<SettingsError> Validate(BrandAssetDraft draft, bool isNew)
    {
        var errors = new List<SettingsError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("name", "A name is required."));
        }
        else if (draft.Name.Length > MaxNameLength || draft.Name.Any(char.IsControl))
        {
            errors.Add(new("name", $"A name is 1 to {MaxNameLength} printable characters.", ErrorText(draft.Name)));
        }

        switch (draft.Kind)
        {
            case BrandAssetKind.StyleCodes:
                CheckCodes(draft.StyleCodes, errors);
                break;
            case BrandAssetKind.Palette:
                CheckPalette(draft.Palette, errors);
                break;
            case BrandAssetKind.StyleReference when isNew:
                CheckImage(draft, errors);
                break;
        }

        return errors;
    }

    private static void CheckCodes(IReadOnlyList<string>? codes, List<SettingsError> errors)
    {
        if (codes is not { Count: > 0 })
        {
            errors.Add(new("codes", "Give at least one style code (8 hexadecimal characters, e.g. 1A2B3C4D)."));
            return;
        }

        if (codes.Any(BrandReference.IsReference))
        {
            errors.Add(new("codes", "A library entry holds style codes themselves, not brand:<id> references."));
            return;
        }

        errors.AddRange(V3SettingsValidator.Validate(new JobSettings { StyleCodes = codes }).Select(e => Rename(e, "styleCodes", "codes")));
    }

    private static void CheckPalette(ColorPalette? palette, List<SettingsError> errors)
    {
        if (palette is null)
        {
            errors.Add(new("palette", "Give a palette: {\"name\": \"PASTEL\"} or {\"members\": [{\"color\": \"#1B365D\", \"weight\": 0.5}]}.", null, V3Vocabulary.PalettePresets));
            return;
        }

        if (BrandReference.IsReference(palette.Name))
        {
            errors.Add(new("palette.name", "A library palette is a preset or colours, not a brand:<id> reference.", palette.Name, V3Vocabulary.PalettePresets));
            return;
        }

        errors.AddRange(V3SettingsValidator.Validate(new JobSettings { ColorPalette = palette }).Select(e => Rename(e, "colorPalette", "palette")));
    }

    private static void CheckImage(BrandAssetDraft draft, List<SettingsError> errors)
    {
        if (draft.Image is not { } image)
        {
            errors.Add(new("image", "Upload the style reference image (JPEG, PNG or WebP)."));
        }
        else if (image.Content.LongLength > V3Vocabulary.MaxStyleReferenceTotalBytes)
        {
            errors.Add(new("image",
                $"A style reference image is at most {V3Vocabulary.MaxStyleReferenceTotalBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.",
                image.Content.LongLength.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static SettingsError Rename(SettingsError error, string from, string to) => error with
    {
        Field = to + error.Field[from.Length..],
        Message = error.Message.Replace(from, to, StringComparison.Ordinal),
    };

    private static string ErrorText(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
