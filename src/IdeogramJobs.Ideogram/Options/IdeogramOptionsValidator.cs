using System.Globalization;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Options;

/// <summary>
/// Checks <see cref="IdeogramOptions"/> at start-up; every message names the environment
/// variable to fix. Messages about the key never repeat the key.
/// </summary>
public sealed class IdeogramOptionsValidator : IValidateOptions<IdeogramOptions>
{
    private const double MaxDurationSeconds = 86_400;

    public ValidateOptionsResult Validate(string? name, IdeogramOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("IDEOGRAM_API_KEY is not set: set it to the Ideogram API key (the raw key, as shown in Ideogram's API settings).");
        }
        else if (options.ApiKey.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("IDEOGRAM_API_KEY starts with 'Bearer ': Ideogram expects the raw key in its Api-Key header, so remove the prefix.");
        }
        else if (options.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("IDEOGRAM_API_KEY contains spaces, line breaks or control characters: set it to the key alone.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            failures.Add($"IDEOGRAM_BASE_URL must be an absolute http or https URL without query, e.g. {IdeogramOptions.DefaultBaseUrl} (got '{options.BaseUrl}').");
        }

        // The ranges below are the ones Polly's strategies accept.
        CheckRange(failures, "IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS", options.AttemptTimeoutSeconds, 0.01, MaxDurationSeconds);
        CheckRange(failures, "IDEOGRAM_MAX_RETRIES", options.MaxRetries, 0, 10);
        CheckRange(failures, "IDEOGRAM_MAX_IMAGE_BYTES", options.MaxImageBytes, 1, Array.MaxLength);
        CheckRange(failures, "IDEOGRAM_RETRY_BASE_DELAY_SECONDS", options.RetryBaseDelaySeconds, 0, MaxDurationSeconds);
        CheckRange(failures, "IDEOGRAM_MAX_RETRY_DELAY_SECONDS", options.MaxRetryDelaySeconds, 0, MaxDurationSeconds);
        CheckRange(failures, "IDEOGRAM_CIRCUIT_FAILURE_RATIO", options.CircuitFailureRatio, 0.01, 1);
        CheckRange(failures, "IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT", options.CircuitMinimumThroughput, 2, 10_000);
        CheckRange(failures, "IDEOGRAM_CIRCUIT_SAMPLING_SECONDS", options.CircuitSamplingSeconds, 0.5, MaxDurationSeconds);
        CheckRange(failures, "IDEOGRAM_CIRCUIT_BREAK_SECONDS", options.CircuitBreakSeconds, 0.5, MaxDurationSeconds);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string variable, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{variable} must be between {min} and {max} (got {value})."));
        }
    }
}
