using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Grains.Options;

/// <summary>How jobs run: the specification's limits plus the admission defaults per account.</summary>
public sealed class JobEngineOptions
{
    /// <summary>Jobs of one account in flight at once (an account's own override wins).</summary>
    [ConfigurationKeyName("MAX_CONCURRENT_JOBS")]
    public int MaxConcurrentJobs { get; set; } = 5;

    /// <summary>Bound of one attempt: generation, download and storage of every image.</summary>
    [ConfigurationKeyName("JOB_TIMEOUT_SECONDS")]
    public double JobTimeoutSeconds { get; set; } = 300;

    /// <summary>Attempts a job gets in all (the first plus retries) before it fails.</summary>
    [ConfigurationKeyName("RETRY_MAX_ATTEMPTS")]
    public int RetryMaxAttempts { get; set; } = 3;

    [ConfigurationKeyName("RETRY_BASE_DELAY_SECONDS")]
    public double RetryBaseDelaySeconds { get; set; } = 2;

    [ConfigurationKeyName("RETRY_MAX_DELAY_SECONDS")]
    public double RetryMaxDelaySeconds { get; set; } = 300;

    /// <summary>Ideogram's in-flight limit for the API key, in images (Ideogram's default is 10).</summary>
    [ConfigurationKeyName("IDEOGRAM_MAX_INFLIGHT_IMAGES")]
    public int IdeogramMaxInflightImages { get; set; } = 10;

    [ConfigurationKeyName("ACCOUNT_JOBS_PER_MINUTE")]
    public int JobsPerMinute { get; set; } = 60;

    [ConfigurationKeyName("ACCOUNT_JOBS_PER_DAY")]
    public int JobsPerDay { get; set; } = 5_000;

    [ConfigurationKeyName("ACCOUNT_IMAGES_PER_MINUTE")]
    public int ImagesPerMinute { get; set; } = 200;

    [ConfigurationKeyName("ACCOUNT_IMAGES_PER_DAY")]
    public int ImagesPerDay { get; set; } = 20_000;

    /// <summary>Images an account may have admitted per UTC calendar day.</summary>
    [ConfigurationKeyName("ACCOUNT_DAILY_IMAGE_QUOTA")]
    public int DailyImageQuota { get; set; } = 20_000;

    /// <summary>
    /// Attempts a job may have cut off by our own side (a silo stopped or restarted mid-attempt, our own
    /// over-limit 429) before it fails; these do not spend RETRY_MAX_ATTEMPTS. A bound, so nothing loops forever.
    /// </summary>
    [ConfigurationKeyName("JOB_MAX_INTERRUPTIONS")]
    public int MaxInterruptions { get; set; } = 20;

    /// <summary>How often the wake-up reminders of jobs and accounts tick (Orleans' minimum is 1 minute).</summary>
    [ConfigurationKeyName("JOB_REMINDER_PERIOD_SECONDS")]
    public double ReminderPeriodSeconds { get; set; } = 60;

    public TimeSpan JobTimeout => TimeSpan.FromSeconds(JobTimeoutSeconds);

    public TimeSpan RetryBaseDelay => TimeSpan.FromSeconds(RetryBaseDelaySeconds);

    public TimeSpan RetryMaxDelay => TimeSpan.FromSeconds(RetryMaxDelaySeconds);

    public TimeSpan ReminderPeriod => TimeSpan.FromSeconds(ReminderPeriodSeconds);
}
