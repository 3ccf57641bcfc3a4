using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>How webhooks are checked, sent and retried, bound from environment variables.</summary>
public sealed class WebhookOptions
{
    public const string AllowedHostsVariable = "WEBHOOK_ALLOWED_HOSTS";
    public const string TimeoutSecondsVariable = "WEBHOOK_TIMEOUT_SECONDS";
    public const string RetryBaseSecondsVariable = "WEBHOOK_RETRY_BASE_SECONDS";
    public const string RetryMaxSecondsVariable = "WEBHOOK_RETRY_MAX_SECONDS";
    public const string RetryHoursVariable = "WEBHOOK_RETRY_HOURS";
    public const string PollMillisecondsVariable = "WEBHOOK_POLL_MS";
    public const string LeaseSecondsVariable = "WEBHOOK_LEASE_SECONDS";
    public const string SecretOverlapHoursVariable = "WEBHOOK_SECRET_OVERLAP_HOURS";

    /// <summary>
    /// Host names, IP addresses and CIDR ranges (comma separated) that may be private: outbound requests
    /// to anything else must resolve to public addresses only.
    /// </summary>
    [ConfigurationKeyName(AllowedHostsVariable)]
    public string? AllowedHosts { get; set; }

    [ConfigurationKeyName(TimeoutSecondsVariable)]
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>The first retry's delay; each later one doubles, with jitter, up to the maximum.</summary>
    [ConfigurationKeyName(RetryBaseSecondsVariable)]
    public double RetryBaseSeconds { get; set; } = 10;

    [ConfigurationKeyName(RetryMaxSecondsVariable)]
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long a delivery is retried before it is marked failed.</summary>
    [ConfigurationKeyName(RetryHoursVariable)]
    public double RetryHours { get; set; } = 24;

    /// <summary>How often each silo looks for due deliveries.</summary>
    [ConfigurationKeyName(PollMillisecondsVariable)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long a silo owns a delivery it is sending; a silo that dies leaves it to others after this.</summary>
    [ConfigurationKeyName(LeaseSecondsVariable)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>After a rotation, how long the old secret still signs beside the new one.</summary>
    [ConfigurationKeyName(SecretOverlapHoursVariable)]
    public double SecretOverlapHours { get; set; } = 24;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan RetryWindow => TimeSpan.FromHours(RetryHours);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan SecretOverlap => TimeSpan.FromHours(SecretOverlapHours);

    public WebhookAllowList AllowList => WebhookAllowList.Parse(AllowedHosts);
}
