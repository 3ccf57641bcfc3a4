using System.Net;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Simulator.Options;

/// <summary>
/// Checks the settings at start and on every <c>PUT /_simulator/config</c>. Each message names the
/// environment variable and, in brackets, the control-endpoint field.
/// </summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    // QUALITY's 25 s times this is about 10 months: long enough to hold any request, short of TimeSpan's range.
    private const double MaxLatencyScale = 1_000_000;

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IReadOnlyList<string> Check(SimulatorOptions options)
    {
        var failures = new List<string>();

        if (!options.ListenBeyondLoopback && !IsLoopbackUrlList(options.Urls))
        {
            failures.Add($"SIMULATOR_URLS must be one or more http URLs on a loopback address (127.0.0.1, [::1] or localhost), got '{options.Urls}'.");
        }
        if (!double.IsFinite(options.LatencyScale) || options.LatencyScale is < 0 or > MaxLatencyScale)
        {
            failures.Add($"SIMULATOR_LATENCY_SCALE (latencyScale) must be a number from 0 to {MaxLatencyScale}, got {options.LatencyScale}.");
        }
        if (options.InflightLimit < 1)
        {
            failures.Add($"SIMULATOR_INFLIGHT_LIMIT (inflightLimit) must be at least 1, got {options.InflightLimit}.");
        }
        failures.AddRange(PerKeyInflightLimits.Parse(options.KeyInflightLimits).Failures);
        CheckRate(failures, "SIMULATOR_FAILURE_RATE_429", "failureRates.rateLimited", options.FailureRate429);
        CheckRate(failures, "SIMULATOR_FAILURE_RATE_500", "failureRates.serverError", options.FailureRate500);
        CheckRate(failures, "SIMULATOR_FAILURE_RATE_503", "failureRates.serviceUnavailable", options.FailureRate503);
        CheckRate(failures, "SIMULATOR_FAILURE_RATE_HANG", "failureRates.hang", options.FailureRateHang);
        var rateSum = options.FailureRate429 + options.FailureRate500 + options.FailureRate503 + options.FailureRateHang;
        if (rateSum > 1.0 + 1e-9)
        {
            failures.Add($"SIMULATOR_FAILURE_RATE_429 + SIMULATOR_FAILURE_RATE_500 + SIMULATOR_FAILURE_RATE_503 + SIMULATOR_FAILURE_RATE_HANG (failureRates) must add up to at most 1, got {rateSum}.");
        }
        if (options.RetryAfterSeconds is < 0)
        {
            failures.Add($"SIMULATOR_RETRY_AFTER_SECONDS (retryAfterSeconds) must be 0 or more when set, got {options.RetryAfterSeconds}.");
        }
        if (options.HangSeconds < 0)
        {
            failures.Add($"SIMULATOR_HANG_SECONDS (hangSeconds) must be 0 or more, got {options.HangSeconds}.");
        }
        if (options.ImageUrlTtlSeconds < 1)
        {
            failures.Add($"SIMULATOR_IMAGE_URL_TTL_SECONDS (imageUrlTtlSeconds) must be at least 1, got {options.ImageUrlTtlSeconds}.");
        }
        if (options.ImageScale is < 1 or > 64)
        {
            failures.Add($"SIMULATOR_IMAGE_SCALE must be between 1 and 64, got {options.ImageScale}.");
        }
        return failures;
    }

    private static void CheckRate(List<string> failures, string variable, string field, double rate)
    {
        if (!double.IsFinite(rate) || rate is < 0 or > 1)
        {
            failures.Add($"{variable} ({field}) must be between 0 and 1, got {rate}.");
        }
    }

    private static bool IsLoopbackUrlList(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            return false;
        }
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                return false;
            }
            var loopback = uri.IsLoopback
                || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                return false;
            }
        }
        return true;
    }
}
