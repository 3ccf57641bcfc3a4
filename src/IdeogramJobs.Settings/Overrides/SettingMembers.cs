using System.Globalization;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// Reads and writes a <see cref="JobSettings"/> member by its camelCase name, so merging and
/// validation can walk the members as data instead of repeating each one.
/// </summary>
internal static class SettingMembers
{
    /// <summary>The member's value (string, int, long, palette or list of strings), or null when unset.</summary>
    public static object? Value(JobSettings settings, string name) => name switch
    {
        SettingNames.StyleType => settings.StyleType,
        SettingNames.AspectRatio => settings.AspectRatio,
        SettingNames.MagicPrompt => settings.MagicPrompt,
        SettingNames.RenderingSpeed => settings.RenderingSpeed,
        SettingNames.NumImages => settings.NumImages,
        SettingNames.ColorPalette => settings.ColorPalette,
        SettingNames.NegativePrompt => settings.NegativePrompt,
        SettingNames.StyleCodes => settings.StyleCodes,
        SettingNames.Seed => settings.Seed,
        SettingNames.Resolution => settings.Resolution,
        SettingNames.StylePreset => settings.StylePreset,
        SettingNames.StyleReferenceImages => settings.StyleReferenceImages,
        _ => throw Unknown(name),
    };

    public static bool IsGiven(JobSettings settings, string name) => Value(settings, name) is not null;

    /// <summary>Set to something that takes effect: an empty list of codes or images means "none".</summary>
    public static bool IsActive(JobSettings settings, string name) => Value(settings, name) switch
    {
        null => false,
        IReadOnlyList<string> list => list.Count > 0,
        _ => true,
    };

    /// <summary><paramref name="target"/> with the named member taken from <paramref name="source"/>.</summary>
    public static JobSettings Copy(JobSettings source, JobSettings target, string name) => name switch
    {
        SettingNames.StyleType => target with { StyleType = source.StyleType },
        SettingNames.AspectRatio => target with { AspectRatio = source.AspectRatio },
        SettingNames.MagicPrompt => target with { MagicPrompt = source.MagicPrompt },
        SettingNames.RenderingSpeed => target with { RenderingSpeed = source.RenderingSpeed },
        SettingNames.NumImages => target with { NumImages = source.NumImages },
        SettingNames.ColorPalette => target with { ColorPalette = source.ColorPalette },
        SettingNames.NegativePrompt => target with { NegativePrompt = source.NegativePrompt },
        SettingNames.StyleCodes => target with { StyleCodes = source.StyleCodes },
        SettingNames.Seed => target with { Seed = source.Seed },
        SettingNames.Resolution => target with { Resolution = source.Resolution },
        SettingNames.StylePreset => target with { StylePreset = source.StylePreset },
        SettingNames.StyleReferenceImages => target with { StyleReferenceImages = source.StyleReferenceImages },
        _ => throw Unknown(name),
    };

    public static JobSettings Without(JobSettings settings, string name) => Copy(new JobSettings(), settings, name);

    public static JobSettings Only(JobSettings settings, string name) => Copy(settings, new JobSettings(), name);

    /// <summary>True for the members whose value is a single string (enums and the negative prompt).</summary>
    public static bool IsText(string name) => name is SettingNames.StyleType or SettingNames.AspectRatio or SettingNames.MagicPrompt
        or SettingNames.RenderingSpeed or SettingNames.NegativePrompt or SettingNames.Resolution or SettingNames.StylePreset;

    /// <summary>True for the members chosen from a closed list of API values.</summary>
    public static bool IsEnum(string name) => IsText(name) && name != SettingNames.NegativePrompt;

    public static bool IsInteger(string name) => name is SettingNames.NumImages or SettingNames.Seed;

    public static JobSettings WithText(JobSettings settings, string name, string value) => name switch
    {
        SettingNames.StyleType => settings with { StyleType = value },
        SettingNames.AspectRatio => settings with { AspectRatio = value },
        SettingNames.MagicPrompt => settings with { MagicPrompt = value },
        SettingNames.RenderingSpeed => settings with { RenderingSpeed = value },
        SettingNames.NegativePrompt => settings with { NegativePrompt = value },
        SettingNames.Resolution => settings with { Resolution = value },
        SettingNames.StylePreset => settings with { StylePreset = value },
        _ => throw Unknown(name),
    };

    /// <summary>The value as an error message shows it.</summary>
    public static string? Text(JobSettings settings, string name) => Value(settings, name) switch
    {
        null => null,
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => string.Join(",", list),
        ColorPalette palette => SettingsJson.Serialize(palette),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>The value of an integer member as a number, or null when unset or not numeric.</summary>
    public static double? Number(JobSettings settings, string name) => Value(settings, name) switch
    {
        int number => number,
        long number => number,
        _ => null,
    };

    private static ArgumentOutOfRangeException Unknown(string name) =>
        new(nameof(name), name, "Not a JobSettings member.");
}
