using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Validation;

/// <summary>Which form controls suit which field: a control must be able to produce the setting's kind of value.</summary>
internal static class UiFieldControls
{
    private static readonly IReadOnlyList<string> FreeText = [UiFieldTypes.Textarea, UiFieldTypes.Text];
    private static readonly IReadOnlyList<string> Choice = [UiFieldTypes.Select];
    private static readonly IReadOnlyList<string> Numeric = [UiFieldTypes.Slider, UiFieldTypes.Number];

    /// <summary>
    /// The controls allowed for a field name. Empty for styleReferenceImages: images are uploaded
    /// files and no control type exists for them. No setting is a boolean, so checkbox suits none.
    /// </summary>
    public static IReadOnlyList<string> For(string name) => name switch
    {
        SettingNames.Prompt or SettingNames.CustomPromptAddition or SettingNames.NegativePrompt => FreeText,
        SettingNames.NumImages or SettingNames.Seed => Numeric,
        SettingNames.ColorPalette => [UiFieldTypes.ColorPalette],
        SettingNames.StyleCodes => [UiFieldTypes.StyleCodes],
        SettingNames.StyleReferenceImages => [],
        _ when SettingMembers.IsEnum(name) => Choice,
        _ => [],
    };

    /// <summary>The API's own range for a numeric setting.</summary>
    public static (long Min, long Max) ApiRange(string name) => name switch
    {
        SettingNames.NumImages => (V3Vocabulary.MinNumImages, V3Vocabulary.MaxNumImages),
        SettingNames.Seed => (V3Vocabulary.MinSeed, V3Vocabulary.MaxSeed),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a numeric setting."),
    };
}
