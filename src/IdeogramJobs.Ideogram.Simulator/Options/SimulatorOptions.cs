using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Ideogram.Simulator.Options;

/// <summary>
/// The simulator's settings, bound from environment variables. A copy lives in
/// <see cref="SimulatorSettingsStore"/> and can be changed at run time through
/// <c>PUT /_simulator/config</c>; treat an instance handed out by the store as read-only.
/// </summary>
public sealed record SimulatorOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5199";

    /// <summary>Where Kestrel listens; loopback addresses only unless <see cref="ListenBeyondLoopback"/>.</summary>
    [ConfigurationKeyName("SIMULATOR_URLS")]
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Containers (docker-compose) must accept connections from the other containers.</summary>
    [ConfigurationKeyName("SIMULATOR_LISTEN_BEYOND_LOOPBACK")]
    public bool ListenBeyondLoopback { get; set; }

    /// <summary>Multiplies the latency drawn per request within its speed's range (FLASH 2-4 s, TURBO 4-8 s, DEFAULT 8-15 s, QUALITY 15-25 s); 0 answers at once.</summary>
    [ConfigurationKeyName("SIMULATOR_LATENCY_SCALE")]
    public double LatencyScale { get; set; } = 1.0;

    /// <summary>In-flight images allowed per API key (Ideogram's default organisation limit is 10).</summary>
    [ConfigurationKeyName("SIMULATOR_INFLIGHT_LIMIT")]
    public int InflightLimit { get; set; } = 10;

    /// <summary>
    /// Keys with a limit of their own instead of <see cref="InflightLimit"/>, as <c>key1=4,key2=6</c>
    /// (see <see cref="PerKeyInflightLimits"/>); shown only by fingerprint.
    /// </summary>
    [ConfigurationKeyName(PerKeyInflightLimits.Variable)]
    public string KeyInflightLimits { get; set; } = "";

    /// <summary>Seeds the per-request random sequence behind failure injection, latencies and unrequested image seeds.</summary>
    [ConfigurationKeyName("SIMULATOR_SEED")]
    public int Seed { get; set; } = 1;

    [ConfigurationKeyName("SIMULATOR_FAILURE_RATE_429")]
    public double FailureRate429 { get; set; }

    [ConfigurationKeyName("SIMULATOR_FAILURE_RATE_500")]
    public double FailureRate500 { get; set; }

    [ConfigurationKeyName("SIMULATOR_FAILURE_RATE_503")]
    public double FailureRate503 { get; set; }

    [ConfigurationKeyName("SIMULATOR_FAILURE_RATE_HANG")]
    public double FailureRateHang { get; set; }

    /// <summary>Retry-After seconds written on injected 429s; none when null.</summary>
    [ConfigurationKeyName("SIMULATOR_RETRY_AFTER_SECONDS")]
    public int? RetryAfterSeconds { get; set; }

    /// <summary>How long an injected hang holds the request before answering 504.</summary>
    [ConfigurationKeyName("SIMULATOR_HANG_SECONDS")]
    public int HangSeconds { get; set; } = 600;

    /// <summary>A prompt containing this text (case-insensitive) is refused with 422; empty disables the check.</summary>
    [ConfigurationKeyName("SIMULATOR_SAFETY_MARKER")]
    public string SafetyMarker { get; set; } = "UNSAFE";

    [ConfigurationKeyName("SIMULATOR_IMAGE_URL_TTL_SECONDS")]
    public int ImageUrlTtlSeconds { get; set; } = 3600;

    /// <summary>Comma-separated allow-list of API keys; empty accepts any non-empty key.</summary>
    [ConfigurationKeyName("SIMULATOR_API_KEYS")]
    public string ApiKeys { get; set; } = "";

    /// <summary>
    /// Divides the pixel size of rendered PNGs (for benchmarks); the reported resolution stays the
    /// real one. 1 keeps pixel size and reported resolution equal.
    /// </summary>
    [ConfigurationKeyName("SIMULATOR_IMAGE_SCALE")]
    public int ImageScale { get; set; } = 1;

    /// <summary>The in-flight images allowed for <paramref name="apiKey"/>: its own limit, else the default.</summary>
    public int InflightLimitFor(string apiKey) =>
        PerKeyInflightLimits.Parse(KeyInflightLimits).Limits.GetValueOrDefault(apiKey, InflightLimit);

    public IReadOnlySet<string> ApiKeyAllowList() =>
        ApiKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
}
