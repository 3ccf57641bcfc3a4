namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// The camelCase names callers use for settings: the <see cref="Contracts.Settings.JobSettings"/>
/// members in declaration order, plus the two inputs that are not settings (the prompt and the
/// addition appended to it).
/// </summary>
public static class SettingNames
{
    public const string StyleType = "styleType";
    public const string AspectRatio = "aspectRatio";
    public const string MagicPrompt = "magicPrompt";
    public const string RenderingSpeed = "renderingSpeed";
    public const string NumImages = "numImages";
    public const string ColorPalette = "colorPalette";
    public const string NegativePrompt = "negativePrompt";
    public const string StyleCodes = "styleCodes";
    public const string Seed = "seed";
    public const string Resolution = "resolution";
    public const string StylePreset = "stylePreset";
    public const string StyleReferenceImages = "styleReferenceImages";

    public const string Prompt = "prompt";
    public const string CustomPromptAddition = "customPromptAddition";

    /// <summary>Every JobSettings member, in declaration order.</summary>
    public static IReadOnlyList<string> Members { get; } =
    [
        StyleType, AspectRatio, MagicPrompt, RenderingSpeed, NumImages, ColorPalette, NegativePrompt,
        StyleCodes, Seed, Resolution, StylePreset, StyleReferenceImages,
    ];

    /// <summary>What an overrides object may contain: every setting plus the prompt addition.</summary>
    public static IReadOnlyList<string> Overridable { get; } = [.. Members, CustomPromptAddition];

    /// <summary>What a UI schema field may be named: every setting, the prompt and the prompt addition.</summary>
    public static IReadOnlyList<string> UiFieldNames { get; } = [Prompt, .. Overridable];

    public static bool IsMember(string name) => Members.Contains(name, StringComparer.Ordinal);
}
