namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// The 69 resolutions V3 accepts and the one the simulator reports for each aspect ratio
/// (the listed size closest to that ratio at about one megapixel).
/// </summary>
public static class ResolutionCatalog
{
    public static readonly IReadOnlyList<string> Resolutions =
    [
        "512x1536", "576x1408", "576x1472", "576x1536", "640x1344", "640x1408", "640x1472", "640x1536", "704x1152", "704x1216",
        "704x1280", "704x1344", "704x1408", "704x1472", "736x1312", "768x1088", "768x1216", "768x1280", "768x1344", "800x1280",
        "832x960", "832x1024", "832x1088", "832x1152", "832x1216", "832x1248", "864x1152", "896x960", "896x1024", "896x1088",
        "896x1120", "896x1152", "960x832", "960x896", "960x1024", "960x1088", "1024x832", "1024x896", "1024x960", "1024x1024",
        "1088x768", "1088x832", "1088x896", "1088x960", "1120x896", "1152x704", "1152x832", "1152x864", "1152x896", "1216x704",
        "1216x768", "1216x832", "1248x832", "1280x704", "1280x768", "1280x800", "1312x736", "1344x640", "1344x704", "1344x768",
        "1408x576", "1408x640", "1408x704", "1472x576", "1472x640", "1472x704", "1536x512", "1536x576", "1536x640",
    ];

    public static readonly IReadOnlyDictionary<string, string> ForAspectRatio = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1x1"] = "1024x1024",
        ["16x9"] = "1312x736",
        ["9x16"] = "736x1312",
        ["4x3"] = "1152x864",
        ["3x4"] = "864x1152",
        ["3x2"] = "1248x832",
        ["2x3"] = "832x1248",
        ["16x10"] = "1280x800",
        ["10x16"] = "800x1280",
        ["5x4"] = "1120x896",
        ["4x5"] = "896x1120",
        ["2x1"] = "1408x704",
        ["1x2"] = "704x1408",
        ["3x1"] = "1536x512",
        ["1x3"] = "512x1536",
    };

    public const string DefaultAspectRatio = "1x1";

    /// <summary>Splits a listed <c>WxH</c> value into its width and height.</summary>
    public static (int Width, int Height) Parse(string resolution)
    {
        var separator = resolution.IndexOf('x');
        return (int.Parse(resolution.AsSpan(0, separator)), int.Parse(resolution.AsSpan(separator + 1)));
    }
}
