namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// The fixed colours the simulator paints for each palette preset, in equal bands. Ideogram does
/// not publish its presets' colours; these are the simulator's own, listed in README.md.
/// </summary>
public static class PresetPalettes
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Colours = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["EMBER"] = ["#2B0A0A", "#8C1C13", "#E85D04", "#FFBA08"],
        ["FRESH"] = ["#E8F6EF", "#B8DFD8", "#4C9A2A", "#FFD23F"],
        ["JUNGLE"] = ["#0B3D20", "#1E6B3A", "#6A994E", "#A7C957"],
        ["MAGIC"] = ["#2E0854", "#6A0DAD", "#C77DFF", "#E0AAFF"],
        ["MELON"] = ["#F25C54", "#F7B267", "#F4845F", "#A1C181"],
        ["MOSAIC"] = ["#264653", "#2A9D8F", "#E9C46A", "#F4A261", "#E76F51"],
        ["PASTEL"] = ["#FFD1DC", "#CDEAC0", "#BDE0FE", "#FFF1C1"],
        ["ULTRAMARINE"] = ["#0A1172", "#120A8F", "#3F00FF", "#A7C7E7"],
    };
}
