using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Ideogram.Options;

/// <summary>
/// How to reach Ideogram and how hard to try, bound from environment variables. The key is a
/// secret: <see cref="ToString"/> only says whether it is set.
/// </summary>
public sealed class IdeogramOptions
{
    public const string DefaultBaseUrl = "https://api.ideogram.ai";

    [ConfigurationKeyName("IDEOGRAM_API_KEY")]
    public string? ApiKey { get; set; }

    [ConfigurationKeyName("IDEOGRAM_BASE_URL")]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// Per HTTP attempt. Generous on purpose: QUALITY × 8 can take minutes, and a request cut off
    /// client-side may still be billed while its image URLs are lost. The job engine refuses a value below
    /// JOB_TIMEOUT_SECONDS, which bounds the whole attempt.
    /// </summary>
    [ConfigurationKeyName("IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS")]
    public double AttemptTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// In-process retries after the first attempt, for transient failures only. None by default:
    /// the job engine retries durably (RETRY_MAX_ATTEMPTS, counted in retry_count), and retries at
    /// both levels would multiply the provider calls, some of which Ideogram bills.
    /// </summary>
    [ConfigurationKeyName("IDEOGRAM_MAX_RETRIES")]
    public int MaxRetries { get; set; }

    /// <summary>The largest generated image accepted from a download.</summary>
    [ConfigurationKeyName("IDEOGRAM_MAX_IMAGE_BYTES")]
    public long MaxImageBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    [ConfigurationKeyName("IDEOGRAM_RETRY_BASE_DELAY_SECONDS")]
    public double RetryBaseDelaySeconds { get; set; } = 2;

    /// <summary>
    /// The longest wait between two attempts. A Retry-After longer than this is not waited out
    /// in-process: the failure is returned with its RetryAfter for the job engine to schedule.
    /// </summary>
    [ConfigurationKeyName("IDEOGRAM_MAX_RETRY_DELAY_SECONDS")]
    public double MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>Share of failed attempts (5xx, timeouts, unreachable) within the sampling window that opens the circuit.</summary>
    [ConfigurationKeyName("IDEOGRAM_CIRCUIT_FAILURE_RATIO")]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Attempts needed within the sampling window before the failure ratio counts. Twenty, so a
    /// provider that fails a fraction of calls at random does not open the circuit by a few unlucky
    /// draws (in the chaos benchmark, 25% failures opened it again and again with five).
    /// </summary>
    [ConfigurationKeyName("IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT")]
    public int CircuitMinimumThroughput { get; set; } = 20;

    [ConfigurationKeyName("IDEOGRAM_CIRCUIT_SAMPLING_SECONDS")]
    public double CircuitSamplingSeconds { get; set; } = 30;

    /// <summary>How long calls fail fast once the circuit has opened.</summary>
    [ConfigurationKeyName("IDEOGRAM_CIRCUIT_BREAK_SECONDS")]
    public double CircuitBreakSeconds { get; set; } = 15;

    public Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public TimeSpan AttemptTimeout => TimeSpan.FromSeconds(AttemptTimeoutSeconds);

    public TimeSpan RetryBaseDelay => TimeSpan.FromSeconds(RetryBaseDelaySeconds);

    public TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(MaxRetryDelaySeconds);

    public TimeSpan CircuitSamplingDuration => TimeSpan.FromSeconds(CircuitSamplingSeconds);

    public TimeSpan CircuitBreakDuration => TimeSpan.FromSeconds(CircuitBreakSeconds);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"IdeogramOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)")}, BaseUrl = {BaseUrl}, " +
        $"AttemptTimeoutSeconds = {AttemptTimeoutSeconds}, MaxRetries = {MaxRetries}, MaxImageBytes = {MaxImageBytes}, " +
        $"RetryBaseDelaySeconds = {RetryBaseDelaySeconds}, MaxRetryDelaySeconds = {MaxRetryDelaySeconds}, " +
        $"CircuitFailureRatio = {CircuitFailureRatio}, CircuitMinimumThroughput = {CircuitMinimumThroughput}, " +
        $"CircuitSamplingSeconds = {CircuitSamplingSeconds}, CircuitBreakSeconds = {CircuitBreakSeconds} }}");
}
