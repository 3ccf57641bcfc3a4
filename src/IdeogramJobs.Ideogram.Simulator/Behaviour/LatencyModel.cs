namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Generation time per rendering speed, from the third-party estimates in the API fact sheet
/// (FLASH 2-4 s, TURBO 4-8 s, DEFAULT 8-15 s, QUALITY 15-25 s). Each request draws its own time,
/// uniformly within its speed's range, and the configured scale multiplies it.
/// </summary>
public static class LatencyModel
{
    public static readonly IReadOnlyDictionary<string, LatencyRange> Ranges = new Dictionary<string, LatencyRange>(StringComparer.Ordinal)
    {
        ["FLASH"] = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)),
        ["TURBO"] = new(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)),
        ["DEFAULT"] = new(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15)),
        ["QUALITY"] = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(25)),
    };

    /// <summary>The latency of a request of <paramref name="renderingSpeed"/> whose draw was <paramref name="fraction"/> (0 to 1).</summary>
    public static TimeSpan For(string renderingSpeed, double fraction, double scale) =>
        Ranges[renderingSpeed].At(fraction) * scale;
}
