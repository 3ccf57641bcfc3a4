using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>Sirv CDN settings, bound from environment variables.</summary>
public sealed class SirvOptions
{
    public const string ClientIdVariable = "SIRV_CLIENT_ID";
    public const string ClientSecretVariable = "SIRV_CLIENT_SECRET";
    public const string PublicUrlVariable = "SIRV_PUBLIC_URL";
    public const string ApiBaseUrlVariable = "SIRV_API_BASE_URL";
    public const string UploadFolderVariable = "SIRV_UPLOAD_FOLDER";
    public const string RateLimitMaxWaitVariable = "SIRV_RATE_LIMIT_MAX_WAIT_SECONDS";
    public const string UploadMaxAttemptsVariable = "SIRV_UPLOAD_MAX_ATTEMPTS";
    public const string RetryBaseDelayVariable = "SIRV_RETRY_BASE_DELAY_MS";
    public const string RequestTimeoutVariable = "SIRV_REQUEST_TIMEOUT_SECONDS";
    public const string MaxConcurrentUploadsVariable = "SIRV_MAX_CONCURRENT_UPLOADS";

    public const string DefaultApiBaseUrl = "https://api.sirv.com";

    [ConfigurationKeyName(ClientIdVariable)]
    public string? ClientId { get; set; }

    [ConfigurationKeyName(ClientSecretVariable)]
    public string? ClientSecret { get; set; }

    /// <summary>The account's public base URL, e.g. https://your-account.sirv.com.</summary>
    [ConfigurationKeyName(PublicUrlVariable)]
    public string? PublicUrl { get; set; }

    [ConfigurationKeyName(ApiBaseUrlVariable)]
    public string? ApiBaseUrl { get; set; }

    /// <summary>Top folder for uploads; blank means <see cref="ImageStoragePath.DefaultFolder"/>.</summary>
    [ConfigurationKeyName(UploadFolderVariable)]
    public string? UploadFolder { get; set; }

    /// <summary>The longest an upload waits for an exhausted rate limit to reset before failing as transient.</summary>
    [ConfigurationKeyName(RateLimitMaxWaitVariable)]
    public int RateLimitMaxWaitSeconds { get; set; } = 300;

    /// <summary>Attempts per upload for transient failures (5xx, 408, 429, timeouts, connection errors).</summary>
    [ConfigurationKeyName(UploadMaxAttemptsVariable)]
    public int UploadMaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    [ConfigurationKeyName(RetryBaseDelayVariable)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>Per-request timeout; generous because uploads may be tens of megabytes.</summary>
    [ConfigurationKeyName(RequestTimeoutVariable)]
    public int RequestTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Uploads one process sends at a time. The rest wait their turn, so a backlog held by an exhausted rate
    /// limit meets the reset a few at a time instead of all at once, each surplus upload drawing a 429.
    /// </summary>
    [ConfigurationKeyName(MaxConcurrentUploadsVariable)]
    public int MaxConcurrentUploads { get; set; } = 8;

    /// <summary>The API base with a trailing slash so relative request paths keep any base path.</summary>
    public Uri ResolveApiBaseUri()
    {
        var baseUrl = string.IsNullOrWhiteSpace(ApiBaseUrl) ? DefaultApiBaseUrl : ApiBaseUrl.Trim();
        return new Uri(baseUrl.TrimEnd('/') + "/", UriKind.Absolute);
    }

    public string ResolveUploadFolder() => ImageStoragePath.NormaliseFolder(UploadFolder);

    public TimeSpan RateLimitMaxWait => TimeSpan.FromSeconds(RateLimitMaxWaitSeconds);

    public override string ToString() =>
        $"SirvOptions {{ ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "(set)")}, " +
        $"PublicUrl = {PublicUrl}, ApiBaseUrl = {ApiBaseUrl}, UploadFolder = {UploadFolder} }}";
}
