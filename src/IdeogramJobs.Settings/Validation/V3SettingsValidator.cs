using System.Globalization;
using System.Text.RegularExpressions;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// Checks job settings against what the Ideogram V3 generate route accepts (values, ranges and
/// combination rules), accepting the job specification's spellings ("16:9", FAST, SLOW, palette
/// members as hex strings). A brand library reference (brand:&lt;id&gt;) passes as a style code or
/// palette name: the account grain replaces it before a job is created. Pure: returns every problem found, each naming the camelCase field,
/// the offending value and, where there is a closed set, the allowed values.
/// </summary>
public static partial class V3SettingsValidator
{
    public static IReadOnlyList<SettingsError> Validate(JobSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<SettingsError>();

        CheckEnum(errors, "styleType", settings.StyleType, V3Vocabulary.ToApiStyleType, V3Vocabulary.StyleTypes, "a V3 style type");
        CheckEnum(errors, "aspectRatio", settings.AspectRatio, V3Vocabulary.ToApiAspectRatio, V3Vocabulary.AspectRatioInputs,
            "a V3 aspect ratio (write it as W:H or WxH)");
        CheckEnum(errors, "magicPrompt", settings.MagicPrompt, V3Vocabulary.ToApiMagicPrompt, V3Vocabulary.MagicPromptOptions, "a magic prompt option");
        CheckEnum(errors, "renderingSpeed", settings.RenderingSpeed, V3Vocabulary.ToApiRenderingSpeed, V3Vocabulary.RenderingSpeedInputs,
            "a V3 rendering speed");
        CheckEnum(errors, "resolution", settings.Resolution, V3Vocabulary.ToApiResolution, V3Vocabulary.Resolutions, "a V3 resolution");
        CheckEnum(errors, "stylePreset", settings.StylePreset, V3Vocabulary.ToApiStylePreset, V3Vocabulary.StylePresets, "a V3 style preset");

        CheckNumImages(errors, settings.NumImages);
        CheckSeed(errors, settings.Seed);
        CheckNegativePrompt(errors, settings.NegativePrompt);
        CheckColorPalette(errors, settings.ColorPalette);
        CheckStyleCodes(errors, settings.StyleCodes);
        CheckStyleReferenceCount(errors, settings.StyleReferenceImages?.Count ?? 0);
        CheckCombinations(errors, settings);

        return errors;
    }

    /// <summary>The prompt is required, must not be blank, and is bounded by <see cref="V3Vocabulary.MaxPromptLength"/>.</summary>
    public static IReadOnlyList<SettingsError> ValidatePrompt(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return [new SettingsError("prompt", "prompt is required and must not be blank.", prompt)];
        }

        return prompt.Length > V3Vocabulary.MaxPromptLength
            ? [new SettingsError("prompt",
                $"prompt is {prompt.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {V3Vocabulary.MaxPromptLength.ToString(CultureInfo.InvariantCulture)} are allowed.",
                Shorten(prompt))]
            : [];
    }

    /// <summary>True when the list holds at least one code; an empty list means "not set".</summary>
    internal static bool HasStyleCodes(JobSettings settings) => settings.StyleCodes is { Count: > 0 };

    /// <summary>
    /// The API's combination rules for settings alone, plus one of ours: send at most one style
    /// source (codes, references or preset), because how the API combines them is undocumented.
    /// </summary>
    private static void CheckCombinations(List<SettingsError> errors, JobSettings settings)
    {
        if (settings.AspectRatio is not null && settings.Resolution is not null)
        {
            errors.Add(new SettingsError("resolution",
                $"resolution '{settings.Resolution}' cannot be combined with aspectRatio '{settings.AspectRatio}': set only one of them.",
                settings.Resolution));
        }

        if (HasStyleCodes(settings) && settings.StyleType is not null)
        {
            errors.Add(new SettingsError("styleCodes",
                $"styleCodes cannot be combined with styleType '{settings.StyleType}': style codes replace the style type, so remove one of them.",
                JoinCodes(settings.StyleCodes!)));
        }

        if (HasStyleCodes(settings) && settings.StylePreset is not null)
        {
            errors.Add(new SettingsError("stylePreset",
                $"stylePreset '{settings.StylePreset}' cannot be combined with styleCodes: use one style source (preset, style codes or reference images).",
                settings.StylePreset));
        }

        if (settings.StyleReferenceImages is { Count: > 0 })
        {
            CheckStyleReferenceCombinations(errors, settings);
        }
    }

    /// <summary>Rules that apply once style reference images are present.</summary>
    internal static void CheckStyleReferenceCombinations(List<SettingsError> errors, JobSettings settings)
    {
        if (HasStyleCodes(settings))
        {
            errors.Add(new SettingsError("styleCodes",
                "styleCodes cannot be combined with styleReferenceImages: use either style codes or reference images.",
                JoinCodes(settings.StyleCodes!)));
        }

        if (settings.StylePreset is not null)
        {
            errors.Add(new SettingsError("stylePreset",
                $"stylePreset '{settings.StylePreset}' cannot be combined with styleReferenceImages: use one style source (preset, style codes or reference images).",
                settings.StylePreset));
        }
    }

    internal static void CheckStyleReferenceCount(List<SettingsError> errors, int count)
    {
        if (count > V3Vocabulary.MaxStyleReferenceImages)
        {
            errors.Add(new SettingsError("styleReferenceImages",
                $"styleReferenceImages holds {count.ToString(CultureInfo.InvariantCulture)} images; at most {V3Vocabulary.MaxStyleReferenceImages.ToString(CultureInfo.InvariantCulture)} are allowed.",
                count.ToString(CultureInfo.InvariantCulture),
                [$"0..{V3Vocabulary.MaxStyleReferenceImages.ToString(CultureInfo.InvariantCulture)}"]));
        }
    }

    private static void CheckEnum(
        List<SettingsError> errors, string field, string? value, Func<string, string?> toApi, IReadOnlyList<string> allowed, string what)
    {
        if (value is not null && toApi(value) is null)
        {
            errors.Add(new SettingsError(field, $"{field} '{value}' is not {what}.", value, allowed));
        }
    }

    private static void CheckNumImages(List<SettingsError> errors, int? numImages)
    {
        if (numImages is { } n && n is < V3Vocabulary.MinNumImages or > V3Vocabulary.MaxNumImages)
        {
            errors.Add(new SettingsError("numImages",
                $"numImages {n.ToString(CultureInfo.InvariantCulture)} is out of range: a generation makes {V3Vocabulary.MinNumImages} to {V3Vocabulary.MaxNumImages} images.",
                n.ToString(CultureInfo.InvariantCulture),
                Enumerable.Range(V3Vocabulary.MinNumImages, V3Vocabulary.MaxNumImages).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()));
        }
    }

    private static void CheckSeed(List<SettingsError> errors, long? seed)
    {
        if (seed is { } s && s is < V3Vocabulary.MinSeed or > V3Vocabulary.MaxSeed)
        {
            errors.Add(new SettingsError("seed",
                $"seed {s.ToString(CultureInfo.InvariantCulture)} is out of range: use a whole number from {V3Vocabulary.MinSeed} to {V3Vocabulary.MaxSeed.ToString(CultureInfo.InvariantCulture)}.",
                s.ToString(CultureInfo.InvariantCulture),
                [$"{V3Vocabulary.MinSeed}..{V3Vocabulary.MaxSeed.ToString(CultureInfo.InvariantCulture)}"]));
        }
    }

    private static void CheckNegativePrompt(List<SettingsError> errors, string? negativePrompt)
    {
        if (negativePrompt is { Length: > V3Vocabulary.MaxNegativePromptLength })
        {
            errors.Add(new SettingsError("negativePrompt",
                $"negativePrompt is {negativePrompt.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {V3Vocabulary.MaxNegativePromptLength.ToString(CultureInfo.InvariantCulture)} are allowed.",
                Shorten(negativePrompt)));
        }
    }

    private static void CheckColorPalette(List<SettingsError> errors, ColorPalette? palette)
    {
        if (palette is null)
        {
            return;
        }

        if (palette.Name is not null && palette.Members is not null)
        {
            errors.Add(new SettingsError("colorPalette",
                "colorPalette has both name and members: give either a preset name or a list of members.",
                $"name={palette.Name}"));
            return;
        }

        if (palette.Name is null && palette.Members is null)
        {
            errors.Add(new SettingsError("colorPalette",
                "colorPalette is empty: give either a preset name or a list of members.",
                null, V3Vocabulary.PalettePresets));
            return;
        }

        if (BrandReference.TryParse(palette.Name, out _))
        {
            return;
        }

        if (palette.Name is not null)
        {
            CheckEnum(errors, "colorPalette.name", palette.Name, V3Vocabulary.ToApiPalettePreset, V3Vocabulary.PalettePresets, "a palette preset");
            return;
        }

        var members = palette.Members!;
        if (members.Count is < V3Vocabulary.MinPaletteMembers or > V3Vocabulary.MaxPaletteMembers)
        {
            errors.Add(new SettingsError("colorPalette.members",
                $"colorPalette.members holds {members.Count.ToString(CultureInfo.InvariantCulture)} colours; a palette has {V3Vocabulary.MinPaletteMembers} to {V3Vocabulary.MaxPaletteMembers}.",
                members.Count.ToString(CultureInfo.InvariantCulture),
                [$"{V3Vocabulary.MinPaletteMembers}..{V3Vocabulary.MaxPaletteMembers}"]));
        }

        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var field = $"colorPalette.members[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (member is null || !HexColour().IsMatch(member.Color ?? string.Empty))
            {
                errors.Add(new SettingsError(field,
                    $"{field} '{member?.Color}' is not a hex colour: write #RGB or #RRGGBB.",
                    member?.Color, ["#RGB", "#RRGGBB"]));
            }

            if (member?.Weight is { } weight && !(weight >= V3Vocabulary.MinColorWeight && weight <= V3Vocabulary.MaxColorWeight))
            {
                errors.Add(new SettingsError($"{field}.weight",
                    $"{field}.weight {weight.ToString(CultureInfo.InvariantCulture)} is out of range: use {V3Vocabulary.MinColorWeight.ToString(CultureInfo.InvariantCulture)} to {V3Vocabulary.MaxColorWeight.ToString("0.0", CultureInfo.InvariantCulture)}.",
                    weight.ToString(CultureInfo.InvariantCulture),
                    [$"{V3Vocabulary.MinColorWeight.ToString(CultureInfo.InvariantCulture)}..{V3Vocabulary.MaxColorWeight.ToString("0.0", CultureInfo.InvariantCulture)}"]));
            }
        }
    }

    private static void CheckStyleCodes(List<SettingsError> errors, IReadOnlyList<string>? codes)
    {
        if (codes is null)
        {
            return;
        }

        if (codes.Count > V3Vocabulary.MaxStyleCodes)
        {
            errors.Add(new SettingsError("styleCodes",
                $"styleCodes holds {codes.Count.ToString(CultureInfo.InvariantCulture)} codes; at most {V3Vocabulary.MaxStyleCodes.ToString(CultureInfo.InvariantCulture)} are allowed.",
                codes.Count.ToString(CultureInfo.InvariantCulture),
                [$"0..{V3Vocabulary.MaxStyleCodes.ToString(CultureInfo.InvariantCulture)}"]));
        }

        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] is not { } code || !(StyleCode().IsMatch(code) || BrandReference.TryParse(code, out _)))
            {
                var field = $"styleCodes[{i.ToString(CultureInfo.InvariantCulture)}]";
                errors.Add(new SettingsError(field,
                    $"{field} '{codes[i]}' is not a style code: a style code is exactly 8 hexadecimal characters, e.g. 1A2B3C4D, or a brand library entry, brand:<id>.",
                    codes[i], ["8 hexadecimal characters (0-9, A-F)"]));
            }
        }
    }

    private static string JoinCodes(IReadOnlyList<string> codes) => string.Join(",", codes);

    /// <summary>Long texts are echoed only by their start, so an error stays readable.</summary>
    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    [GeneratedRegex(@"^#([0-9a-fA-F]{3}){1,2}\z")]
    private static partial Regex HexColour();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}\z")]
    private static partial Regex StyleCode();
}
