using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// Applies the real V3 generate rules (shared/reference/ideogram-v3-api.md, sections 2-4) to the parts
/// of a request. Stricter than Ideogram in one way on purpose: unknown, repeated single-valued and
/// wrongly typed (text vs file) parts are refused, so that client bugs surface.
/// </summary>
public static partial class GenerateRequestValidator
{
    private static readonly HashSet<string> SingleTextFields = new(StringComparer.Ordinal)
    {
        "prompt", "seed", "resolution", "aspect_ratio", "rendering_speed", "magic_prompt", "negative_prompt",
        "num_images", "color_palette", "style_type", "style_preset", "custom_model_uri", "enable_copyright_detection",
    };

    private static readonly HashSet<string> RepeatedTextFields = new(StringComparer.Ordinal) { "style_codes" };

    private static readonly HashSet<string> FileFields = new(StringComparer.Ordinal)
    {
        "style_reference_images", "character_reference_images", "character_reference_images_mask",
    };

    public static GenerateValidation Validate(IReadOnlyList<FormPart> parts)
    {
        if (CheckShape(parts) is { } shapeFailure)
        {
            return Fail(shapeFailure);
        }
        var text = parts.Where(part => SingleTextFields.Contains(part.Name))
            .ToDictionary(part => part.Name, part => part.Value, StringComparer.Ordinal);
        var styleCodes = parts.Where(part => part.Name == "style_codes").Select(part => part.Value).ToList();
        var styleReferences = parts.Where(part => part.Name == "style_reference_images").ToList();
        var characterReferences = parts.Where(part => part.Name == "character_reference_images").ToList();
        var characterMasks = parts.Where(part => part.Name == "character_reference_images_mask").ToList();

        if (!text.TryGetValue("prompt", out var prompt))
        {
            return Fail("prompt", "'prompt' is a required property");
        }
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return Fail("prompt", $"'{prompt}' is too short");
        }

        if (CheckEnum(text, "aspect_ratio", IdeogramVocabulary.AspectRatios) is { } aspectFailure)
        {
            return Fail(aspectFailure);
        }

        if (CheckEnum(text, "resolution", ResolutionCatalog.Resolutions) is { } resolutionFailure)
        {
            return Fail(resolutionFailure);
        }

        if (text.ContainsKey("aspect_ratio") && text.ContainsKey("resolution"))
        {
            return Fail("aspect_ratio", "'aspect_ratio' and 'resolution' cannot be used together; send one of them");
        }
        if (CheckEnum(text, "rendering_speed", IdeogramVocabulary.RenderingSpeeds) is { } speedFailure)
        {
            return Fail(speedFailure);
        }

        if (CheckEnum(text, "magic_prompt", IdeogramVocabulary.MagicPromptOptions) is { } magicFailure)
        {
            return Fail(magicFailure);
        }

        if (CheckEnum(text, "style_type", IdeogramVocabulary.StyleTypes) is { } styleTypeFailure)
        {
            return Fail(styleTypeFailure);
        }

        if (CheckEnum(text, "style_preset", IdeogramVocabulary.StylePresets) is { } presetFailure)
        {
            return Fail(presetFailure);
        }

        var (numImages, numImagesFailure) = ParseInteger(text, "num_images", IdeogramVocabulary.MinImages, IdeogramVocabulary.MaxImages);
        if (numImagesFailure is not null)
        {
            return Fail(numImagesFailure);
        }

        var (seed, seedFailure) = ParseInteger(text, "seed", IdeogramVocabulary.MinSeed, IdeogramVocabulary.MaxSeed);
        if (seedFailure is not null)
        {
            return Fail(seedFailure);
        }

        PaletteRequest? palette = null;
        if (text.TryGetValue("color_palette", out var paletteText))
        {
            var (parsed, paletteFailure) = ColorPaletteParser.Parse(paletteText);
            if (paletteFailure is not null)
            {
                return Fail(paletteFailure);
            }

            palette = parsed;
        }

        foreach (var code in styleCodes)
        {
            if (!StyleCode().IsMatch(code))
            {
                return Fail("style_codes", $"'{code}' does not match '{IdeogramVocabulary.StyleCodePattern}'");
            }
        }
        if (styleCodes.Count > 0 && text.ContainsKey("style_type"))
        {
            return Fail("style_codes", "'style_codes' cannot be combined with 'style_type'");
        }
        if (styleCodes.Count > 0 && styleReferences.Count > 0)
        {
            return Fail("style_codes", "'style_codes' cannot be combined with 'style_reference_images'");
        }

        if (CheckImages("style_reference_images", styleReferences) is { } styleImageFailure)
        {
            return Fail(styleImageFailure);
        }

        if (characterReferences.Count > 1)
        {
            return Fail("character_reference_images", $"{characterReferences.Count} images were sent; exactly one is supported");
        }
        if (CheckImages("character_reference_images", characterReferences) is { } characterFailure)
        {
            return Fail(characterFailure);
        }

        if (characterMasks.Count > 0 && characterMasks.Count != characterReferences.Count)
        {
            return Fail("character_reference_images_mask", $"{characterMasks.Count} masks were sent for {characterReferences.Count} character reference images; the counts must match");
        }
        if (CheckImages("character_reference_images_mask", characterMasks) is { } maskFailure)
        {
            return Fail(maskFailure);
        }

        if (text.TryGetValue("custom_model_uri", out var modelUri) && !CustomModelUri().IsMatch(modelUri))
        {
            return Fail("custom_model_uri", $"'{modelUri}' does not match '{IdeogramVocabulary.CustomModelUriPattern}'");
        }
        if (text.TryGetValue("enable_copyright_detection", out var copyright) && !bool.TryParse(copyright, out _))
        {
            return Fail("enable_copyright_detection", $"'{copyright}' is not of type 'boolean'");
        }

        var resolution = text.GetValueOrDefault("resolution")
            ?? ResolutionCatalog.ForAspectRatio[text.GetValueOrDefault("aspect_ratio") ?? ResolutionCatalog.DefaultAspectRatio];
        return new GenerateValidation(
            new GenerateRequest(
                prompt,
                (int?)seed,
                resolution,
                text.GetValueOrDefault("rendering_speed") ?? "DEFAULT",
                text.GetValueOrDefault("magic_prompt"),
                (int)(numImages ?? 1),
                palette,
                text.GetValueOrDefault("style_type")),
            null);
    }

    /// <summary>Unknown names, text sent as a file (or the reverse) and repeated single-valued fields.</summary>
    private static ValidationFailure? CheckShape(IReadOnlyList<FormPart> parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var isText = SingleTextFields.Contains(part.Name) || RepeatedTextFields.Contains(part.Name);
            if (!isText && !FileFields.Contains(part.Name))
            {
                return new ValidationFailure(part.Name, $"Additional properties are not allowed ('{part.Name}' was unexpected)");
            }
            if (isText && part.IsFile)
            {
                return new ValidationFailure(part.Name, $"'{part.Name}' must be a text field, not a file");
            }
            if (!isText && !part.IsFile)
            {
                return new ValidationFailure(part.Name, $"'{part.Name}' must be a file part (with a filename), not a text field");
            }
            if (SingleTextFields.Contains(part.Name) && !seen.Add(part.Name))
            {
                return new ValidationFailure(part.Name, $"'{part.Name}' was sent more than once; it takes a single value");
            }
        }
        return null;
    }

    private static ValidationFailure? CheckEnum(Dictionary<string, string> text, string field, IReadOnlyList<string> allowed) =>
        text.TryGetValue(field, out var value) && !allowed.Contains(value)
            ? new ValidationFailure(field, $"'{value}' is not one of {IdeogramVocabulary.ListOf(allowed)}")
            : null;

    private static (long? Value, ValidationFailure? Failure) ParseInteger(Dictionary<string, string> text, string field, long minimum, long maximum)
    {
        if (!text.TryGetValue(field, out var raw))
        {
            return (null, null);
        }
        if (!BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (null, new ValidationFailure(field, $"'{raw}' is not of type 'integer'"));
        }
        if (value < minimum)
        {
            return (null, new ValidationFailure(field, $"{value} is less than the minimum of {minimum}"));
        }
        if (value > maximum)
        {
            return (null, new ValidationFailure(field, $"{value} is greater than the maximum of {maximum}"));
        }
        return ((long)value, null);
    }

    private static ValidationFailure? CheckImages(string field, List<FormPart> images)
    {
        foreach (var image in images)
        {
            if (!ReferenceImageFormat.IsAccepted(image.Content))
            {
                return new ValidationFailure(field, $"'{image.FileName}' is not a JPEG, PNG or WebP image");
            }
        }
        var total = images.Sum(image => (long)image.Content.Length);
        return total > IdeogramVocabulary.MaxReferenceBytes
            ? new ValidationFailure(field, $"{total} bytes in total is more than the 10 MB ({IdeogramVocabulary.MaxReferenceBytes} bytes) allowed")
            : null;
    }

    private static GenerateValidation Fail(string field, string message) => Fail(new ValidationFailure(field, message));

    private static GenerateValidation Fail(ValidationFailure failure) => new(null, failure);

    // \z rather than the documented $, which in .NET would also accept a trailing newline.
    [GeneratedRegex(@"^[0-9a-fA-F]{8}\z")]
    private static partial Regex StyleCode();

    [GeneratedRegex(@"^model/[^/]+/version/[^/]+\z")]
    private static partial Regex CustomModelUri();
}
