namespace IdeogramJobs.Settings.Vocabulary;

/// <summary>
/// What the Ideogram V3 generate route accepts, and which input spellings of the job
/// specification map onto it. Public so the options endpoint can list the same values the
/// validator enforces. Source: shared/reference/ideogram-v3-api.md.
/// </summary>
public static class V3Vocabulary
{
    /// <summary>
    /// Style types that may be sent. The machine spec also lists CUSTOM and STYLIZED, but the
    /// reference pages do not, so they are refused rather than sent.
    /// </summary>
    public static IReadOnlyList<string> StyleTypes { get; } = ["AUTO", "GENERAL", "REALISTIC", "DESIGN", "FICTION"];

    /// <summary>Aspect ratios as the API writes them (lower-case x). Input may also use a colon: "16:9".</summary>
    public static IReadOnlyList<string> AspectRatios { get; } =
        ["1x3", "3x1", "1x2", "2x1", "9x16", "16x9", "10x16", "16x10", "2x3", "3x2", "3x4", "4x3", "4x5", "5x4", "1x1"];

    /// <summary>The same ratios in the job specification's colon form, for pickers and error messages.</summary>
    public static IReadOnlyList<string> AspectRatioInputs { get; } = AspectRatios.Select(r => r.Replace('x', ':')).ToArray();

    /// <summary>Rendering speeds the API accepts (BALANCED from the machine spec is not sent).</summary>
    public static IReadOnlyList<string> RenderingSpeeds { get; } = ["FLASH", "TURBO", "DEFAULT", "QUALITY"];

    /// <summary>
    /// The job specification's speed names that are not API values, and what is sent instead:
    /// Ideogram's own UI groups "Turbo / Fast", and SLOW is the slowest tier, QUALITY.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RenderingSpeedAliases { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["FAST"] = "TURBO", ["SLOW"] = "QUALITY" };

    /// <summary>Every accepted renderingSpeed input: the API values followed by the aliases.</summary>
    public static IReadOnlyList<string> RenderingSpeedInputs { get; } = [.. RenderingSpeeds, "FAST", "SLOW"];

    public static IReadOnlyList<string> MagicPromptOptions { get; } = ["AUTO", "ON", "OFF"];

    public static IReadOnlyList<string> PalettePresets { get; } =
        ["EMBER", "FRESH", "JUNGLE", "MAGIC", "MELON", "MOSAIC", "PASTEL", "ULTRAMARINE"];

    /// <summary>The 69 output resolutions, "WxH"; exclusive with an aspect ratio.</summary>
    public static IReadOnlyList<string> Resolutions { get; } =
    [
        "512x1536", "576x1408", "576x1472", "576x1536", "640x1344", "640x1408", "640x1472", "640x1536",
        "704x1152", "704x1216", "704x1280", "704x1344", "704x1408", "704x1472", "736x1312", "768x1088",
        "768x1216", "768x1280", "768x1344", "800x1280", "832x960", "832x1024", "832x1088", "832x1152",
        "832x1216", "832x1248", "864x1152", "896x960", "896x1024", "896x1088", "896x1120", "896x1152",
        "960x832", "960x896", "960x1024", "960x1088", "1024x832", "1024x896", "1024x960", "1024x1024",
        "1088x768", "1088x832", "1088x896", "1088x960", "1120x896", "1152x704", "1152x832", "1152x864",
        "1152x896", "1216x704", "1216x768", "1216x832", "1248x832", "1280x704", "1280x768", "1280x800",
        "1312x736", "1344x640", "1344x704", "1344x768", "1408x576", "1408x640", "1408x704", "1472x576",
        "1472x640", "1472x704", "1536x512", "1536x576", "1536x640",
    ];

    /// <summary>The 62 style presets.</summary>
    public static IReadOnlyList<string> StylePresets { get; } =
    [
        "80S_ILLUSTRATION", "90S_NOSTALGIA", "ABSTRACT_ORGANIC", "ANALOG_NOSTALGIA", "ART_BRUT", "ART_DECO",
        "ART_POSTER", "AURA", "AVANT_GARDE", "BAUHAUS", "BLUEPRINT", "BLURRY_MOTION", "BRIGHT_ART",
        "C4D_CARTOON", "CHILDRENS_BOOK", "COLLAGE", "COLORING_BOOK_I", "COLORING_BOOK_II", "CUBISM",
        "DARK_AURA", "DOODLE", "DOUBLE_EXPOSURE", "DRAMATIC_CINEMA", "EDITORIAL", "EMOTIONAL_MINIMAL",
        "ETHEREAL_PARTY", "EXPIRED_FILM", "FLAT_ART", "FLAT_VECTOR", "FOREST_REVERIE", "GEO_MINIMALIST",
        "GLASS_PRISM", "GOLDEN_HOUR", "GRAFFITI_I", "GRAFFITI_II", "HALFTONE_PRINT", "HIGH_CONTRAST",
        "HIPPIE_ERA", "ICONIC", "JAPANDI_FUSION", "JAZZY", "LONG_EXPOSURE", "MAGAZINE_EDITORIAL",
        "MINIMAL_ILLUSTRATION", "MIXED_MEDIA", "MONOCHROME", "NIGHTLIFE", "OIL_PAINTING", "OLD_CARTOONS",
        "PAINT_GESTURE", "POP_ART", "RETRO_ETCHING", "RIVIERA_POP", "SPOTLIGHT_80S", "STYLIZED_RED",
        "SURREAL_COLLAGE", "TRAVEL_POSTER", "VINTAGE_GEO", "VINTAGE_POSTER", "WATERCOLOR", "WEIRD",
        "WOODBLOCK_PRINT",
    ];

    /// <summary>Content types accepted for style reference images (and for downloaded results).</summary>
    public static IReadOnlyList<string> ImageContentTypes { get; } = ["image/jpeg", "image/png", "image/webp"];

    public const int MinNumImages = 1;
    public const int MaxNumImages = 8;

    public const long MinSeed = 0;
    public const long MaxSeed = 2_147_483_647;

    public const int MinPaletteMembers = 1;
    public const int MaxPaletteMembers = 8;
    public const double MinColorWeight = 0.05;
    public const double MaxColorWeight = 1.0;

    /// <summary>Our cap (the job specification's "up to 3"); the API publishes none.</summary>
    public const int MaxStyleReferenceImages = 3;

    /// <summary>
    /// The API's "10 MB total" read as decimal megabytes, the smaller reading, so nothing we
    /// send can exceed the limit under either interpretation.
    /// </summary>
    public const long MaxStyleReferenceTotalBytes = 10_000_000;

    /// <summary>Our bound: the API publishes no maximum for style codes. Generous for real use.</summary>
    public const int MaxStyleCodes = 10;

    /// <summary>
    /// Our bound: Ideogram publishes no maximum prompt length. 10,000 characters is far beyond any
    /// useful prompt yet keeps a request (and what we store per job) bounded.
    /// </summary>
    public const int MaxPromptLength = 10_000;

    /// <summary>Our bound for the negative prompt, same reasoning as <see cref="MaxPromptLength"/>.</summary>
    public const int MaxNegativePromptLength = 10_000;

    /// <summary>
    /// The API value for an aspect ratio written "16:9" or "16x9" (either case of x), or null
    /// when it is not one of the 15 V3 ratios.
    /// </summary>
    public static string? ToApiAspectRatio(string input)
    {
        var candidate = input.Replace(':', 'x').Replace('X', 'x');
        return AspectRatios.FirstOrDefault(r => r == candidate);
    }

    /// <summary>The API value for a rendering speed input (API value or FAST/SLOW alias), or null.</summary>
    public static string? ToApiRenderingSpeed(string input) =>
        RenderingSpeedAliases.TryGetValue(input, out var aliased) ? aliased : Canonical(RenderingSpeeds, input);

    public static string? ToApiStyleType(string input) => Canonical(StyleTypes, input);

    public static string? ToApiMagicPrompt(string input) => Canonical(MagicPromptOptions, input);

    public static string? ToApiPalettePreset(string input) => Canonical(PalettePresets, input);

    public static string? ToApiStylePreset(string input) => Canonical(StylePresets, input);

    /// <summary>The API value for a resolution written "1024x1024" (either case of x), or null.</summary>
    public static string? ToApiResolution(string input) => Canonical(Resolutions, input);

    /// <summary>Enum inputs are matched without regard to case; the API's own spelling is sent.</summary>
    private static string? Canonical(IReadOnlyList<string> values, string input) =>
        values.FirstOrDefault(v => string.Equals(v, input, StringComparison.OrdinalIgnoreCase));
}
