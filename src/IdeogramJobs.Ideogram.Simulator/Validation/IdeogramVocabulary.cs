namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// The enum values the V3 generate route accepts, as listed in Ideogram's reference pages
/// (shared/reference/ideogram-v3-api.md, sections 2 and 3). Values only the machine spec lists
/// (BALANCED, CUSTOM, STYLIZED) are refused so that clients do not come to rely on them.
/// </summary>
public static class IdeogramVocabulary
{
    public static readonly IReadOnlyList<string> AspectRatios =
        ["1x3", "3x1", "1x2", "2x1", "9x16", "16x9", "10x16", "16x10", "2x3", "3x2", "3x4", "4x3", "4x5", "5x4", "1x1"];

    public static readonly IReadOnlyList<string> RenderingSpeeds = ["FLASH", "TURBO", "DEFAULT", "QUALITY"];

    public static readonly IReadOnlyList<string> MagicPromptOptions = ["AUTO", "ON", "OFF"];

    public static readonly IReadOnlyList<string> StyleTypes = ["AUTO", "GENERAL", "REALISTIC", "DESIGN", "FICTION"];

    public static readonly IReadOnlyList<string> PalettePresets =
        ["EMBER", "FRESH", "JUNGLE", "MAGIC", "MELON", "MOSAIC", "PASTEL", "ULTRAMARINE"];

    public static readonly IReadOnlyList<string> StylePresets =
    [
        "80S_ILLUSTRATION", "90S_NOSTALGIA", "ABSTRACT_ORGANIC", "ANALOG_NOSTALGIA", "ART_BRUT", "ART_DECO", "ART_POSTER",
        "AURA", "AVANT_GARDE", "BAUHAUS", "BLUEPRINT", "BLURRY_MOTION", "BRIGHT_ART", "C4D_CARTOON", "CHILDRENS_BOOK", "COLLAGE",
        "COLORING_BOOK_I", "COLORING_BOOK_II", "CUBISM", "DARK_AURA", "DOODLE", "DOUBLE_EXPOSURE", "DRAMATIC_CINEMA",
        "EDITORIAL", "EMOTIONAL_MINIMAL", "ETHEREAL_PARTY", "EXPIRED_FILM", "FLAT_ART", "FLAT_VECTOR", "FOREST_REVERIE",
        "GEO_MINIMALIST", "GLASS_PRISM", "GOLDEN_HOUR", "GRAFFITI_I", "GRAFFITI_II", "HALFTONE_PRINT", "HIGH_CONTRAST",
        "HIPPIE_ERA", "ICONIC", "JAPANDI_FUSION", "JAZZY", "LONG_EXPOSURE", "MAGAZINE_EDITORIAL", "MINIMAL_ILLUSTRATION",
        "MIXED_MEDIA", "MONOCHROME", "NIGHTLIFE", "OIL_PAINTING", "OLD_CARTOONS", "PAINT_GESTURE", "POP_ART", "RETRO_ETCHING",
        "RIVIERA_POP", "SPOTLIGHT_80S", "STYLIZED_RED", "SURREAL_COLLAGE", "TRAVEL_POSTER", "VINTAGE_GEO", "VINTAGE_POSTER",
        "WATERCOLOR", "WEIRD", "WOODBLOCK_PRINT",
    ];

    public const int MinImages = 1;
    public const int MaxImages = 8;
    public const long MinSeed = 0;
    public const long MaxSeed = 2147483647;
    public const int MaxPaletteMembers = 8;
    public const double MinColorWeight = 0.05;
    public const double MaxColorWeight = 1.0;
    public const long MaxReferenceBytes = 10L * 1024 * 1024;
    public const string StyleCodePattern = "^[0-9a-fA-F]{8}$";
    public const string ColorHexPattern = "^#([0-9a-fA-F]{3}){1,2}$";
    public const string CustomModelUriPattern = "^model/[^/]+/version/[^/]+$";

    /// <summary>Formats a value list the way Ideogram's validation messages do: <c>['A', 'B']</c>.</summary>
    public static string ListOf(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(value => $"'{value}'")) + "]";
}
