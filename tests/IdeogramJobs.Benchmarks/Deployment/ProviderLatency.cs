namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// The simulator's generation time per rendering speed before its latency scale (each request draws
/// uniformly within its speed's range, as Ideogram's published estimates give it), for scenarios
/// that set the scale and work out what a run ideally takes.
/// </summary>
public static class ProviderLatency
{
    public static IReadOnlyList<string> Speeds { get; } = ["FLASH", "TURBO", "DEFAULT", "QUALITY"];

    /// <summary>Seconds a request of <paramref name="speed"/> takes at scale 1: its range's lower and upper end.</summary>
    public static (double Min, double Max) Range(string speed) => speed switch
    {
        "FLASH" => (2, 4),
        "TURBO" => (4, 8),
        "DEFAULT" => (8, 15),
        "QUALITY" => (15, 25),
        _ => throw new ArgumentOutOfRangeException(nameof(speed), speed, "Not a rendering speed."),
    };

    /// <summary>The mean seconds of a request of <paramref name="speed"/> at scale 1.</summary>
    public static double Mean(string speed)
    {
        var (min, max) = Range(speed);
        return (min + max) / 2;
    }

    /// <summary>The simulator scale that makes DEFAULT requests (blog_header's speed) take <paramref name="meanSeconds"/> on average.</summary>
    public static double ScaleForDefault(double meanSeconds) => meanSeconds / Mean("DEFAULT");
}
