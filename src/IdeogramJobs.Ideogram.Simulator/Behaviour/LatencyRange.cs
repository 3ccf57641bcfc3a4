namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>The shortest and longest generation time of one rendering speed, before the latency scale.</summary>
public sealed record LatencyRange(TimeSpan Min, TimeSpan Max)
{
    /// <summary>The time at <paramref name="fraction"/> (0 to 1) of the way from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public TimeSpan At(double fraction) => Min + ((Max - Min) * fraction);
}
