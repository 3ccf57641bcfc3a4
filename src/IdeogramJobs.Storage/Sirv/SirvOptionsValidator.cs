using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>Checks the Sirv variables at start; every message names the variable to fix.</summary>
internal sealed class SirvOptionsValidator : IValidateOptions<SirvOptions>
{
    public ValidateOptionsResult Validate(string? name, SirvOptions options)
    {
        var failures = new List<string>();
        var required = new (string Variable, string? Value)[]
        {
            (SirvOptions.ClientIdVariable, options.ClientId),
            (SirvOptions.ClientSecretVariable, options.ClientSecret),
            (SirvOptions.PublicUrlVariable, options.PublicUrl),
        };

        var anySet = required.Any(item => !string.IsNullOrWhiteSpace(item.Value));
        if (anySet)
        {
            foreach (var (variable, _) in required.Where(item => string.IsNullOrWhiteSpace(item.Value)))
            {
                failures.Add(
                    $"{variable} is not set. Sirv storage needs all of {SirvOptions.ClientIdVariable}, " +
                    $"{SirvOptions.ClientSecretVariable} and {SirvOptions.PublicUrlVariable}; leave all three unset to store images on local disk.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !IsHttpUrl(options.PublicUrl))
        {
            failures.Add(
                $"{SirvOptions.PublicUrlVariable} must be an absolute http(s) URL without query or fragment, " +
                $"such as https://your-account.sirv.com; got '{options.PublicUrl}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add(
                $"{SirvOptions.ApiBaseUrlVariable} must be an absolute http(s) URL such as {SirvOptions.DefaultApiBaseUrl}; got '{options.ApiBaseUrl}'.");
        }

        if (!ImageStoragePath.IsSafeFolder(options.ResolveUploadFolder()))
        {
            failures.Add(
                $"{SirvOptions.UploadFolderVariable} may contain only letters, digits, '-' and '_' in '/'-separated folder names; got '{options.UploadFolder}'.");
        }

        AddRangeFailure(failures, SirvOptions.RateLimitMaxWaitVariable, options.RateLimitMaxWaitSeconds, 0, 3600);
        AddRangeFailure(failures, SirvOptions.UploadMaxAttemptsVariable, options.UploadMaxAttempts, 1, 10);
        AddRangeFailure(failures, SirvOptions.RetryBaseDelayVariable, options.RetryBaseDelayMilliseconds, 0, 60_000);
        AddRangeFailure(failures, SirvOptions.RequestTimeoutVariable, options.RequestTimeoutSeconds, 1, 3600);
        AddRangeFailure(failures, SirvOptions.MaxConcurrentUploadsVariable, options.MaxConcurrentUploads, 1, 256);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);

    private static void AddRangeFailure(List<string> failures, string variable, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{variable} must be between {min} and {max}; got {value}.");
        }
    }
}
