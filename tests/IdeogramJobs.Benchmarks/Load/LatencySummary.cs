namespace IdeogramJobs.Benchmarks.Load;

/// <summary>Latencies of an open-loop run, each measured from the request's intended send time, in milliseconds.</summary>
public sealed record LatencySummary(int Sent, int Errors, double P50, double P95, double P99, double Max, double SchedulerLagMaxMs)
{
    public static LatencySummary From(IReadOnlyList<double> latencies, int errors, double schedulerLagMaxMs)
    {
        var sorted = latencies.Order().ToArray();
        double At(double quantile) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, errors, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], schedulerLagMaxMs);
    }
}
