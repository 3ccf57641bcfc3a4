using IdeogramJobs.Ideogram.Simulator.Behaviour;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>
/// The body of <c>GET /_simulator/config</c>. The API-key allow-list is shown only as a count: keys
/// are secrets, and per-key in-flight limits by key fingerprint (as in <c>/_simulator/stats</c>). <c>latencySeconds</c> gives each speed's range at the current scale.
/// </summary>
public sealed record SimulatorConfigDocument(
    double LatencyScale,
    int InflightLimit,
    IReadOnlyDictionary<string, int> KeyInflightLimits,
    FailureRatesDocument FailureRates,
    int? RetryAfterSeconds,
    string SafetyMarker,
    int ImageUrlTtlSeconds,
    int Seed,
    int HangSeconds,
    int ImageScale,
    int ApiKeyAllowListSize,
    IReadOnlyDictionary<string, LatencyRangeDocument> LatencySeconds)
{
    public static SimulatorConfigDocument From(SimulatorOptions options) => new(
        options.LatencyScale,
        options.InflightLimit,
        PerKeyInflightLimits.Parse(options.KeyInflightLimits).Limits.ToDictionary(
            pair => KeyFingerprint.Of(pair.Key), pair => pair.Value, StringComparer.Ordinal),
        new FailureRatesDocument(options.FailureRate429, options.FailureRate500, options.FailureRate503, options.FailureRateHang),
        options.RetryAfterSeconds,
        options.SafetyMarker,
        options.ImageUrlTtlSeconds,
        options.Seed,
        options.HangSeconds,
        options.ImageScale,
        options.ApiKeyAllowList().Count,
        LatencyModel.Ranges.ToDictionary(
            pair => pair.Key,
            pair => new LatencyRangeDocument((pair.Value.Min * options.LatencyScale).TotalSeconds, (pair.Value.Max * options.LatencyScale).TotalSeconds),
            StringComparer.Ordinal));
}
