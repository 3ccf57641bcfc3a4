using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Local;

/// <summary>Checks the local-storage variables at start; every message names the variable to fix.</summary>
internal sealed class LocalImageStorageOptionsValidator : IValidateOptions<LocalImageStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalImageStorageOptions options)
    {
        var failures = new List<string>();
        var publicBaseUrl = options.ResolvePublicBaseUrl();
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add(
                $"{LocalImageStorageOptions.PublicBaseUrlVariable} must be an absolute http(s) URL without query or fragment, " +
                $"such as {LocalImageStorageOptions.DefaultPublicBaseUrl}; got '{publicBaseUrl}'.");
        }

        var storagePath = options.ResolveStoragePath();
        if (storagePath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{LocalImageStorageOptions.StoragePathVariable} contains characters that are not allowed in a path; got '{storagePath}'.");
        }

        if (options.FlushIntervalMilliseconds is < LocalImageStorageOptions.MinFlushIntervalMilliseconds or > LocalImageStorageOptions.MaxFlushIntervalMilliseconds)
        {
            failures.Add(
                $"{LocalImageStorageOptions.FlushIntervalVariable} must be between {LocalImageStorageOptions.MinFlushIntervalMilliseconds} and " +
                $"{LocalImageStorageOptions.MaxFlushIntervalMilliseconds} milliseconds; got {options.FlushIntervalMilliseconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
