namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Generation time per rendering speed, from the third-party estimates in the API fact sheet
/// (FLASH 2-4 s, TURBO 4-8 s, DEFAULT 8-15 s, QUALITY 15-25 s), times the configured scale.
/// </summary>
public static class LatencyModel
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> BaseLatencies = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["FLASH"] = TimeSpan.FromSeconds(3),
        ["TURBO"] = TimeSpan.FromSeconds(6),
        ["DEFAULT"] = TimeSpan.FromSeconds(11),
        ["QUALITY"] = TimeSpan.FromSeconds(20),
    };

    public static TimeSpan For(string renderingSpeed, double scale) =>
        BaseLatencies[renderingSpeed] * scale;
}
