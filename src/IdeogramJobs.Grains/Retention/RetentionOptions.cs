using IdeogramJobs.Contracts.Retention;
using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Grains.Retention;

/// <summary>The service's retention defaults and how the sweep runs, bound from environment variables.</summary>
public sealed class RetentionOptions
{
    public const string RejectedImageDaysVariable = "RETENTION_REJECTED_IMAGE_DAYS";
    public const string JobHistoryDaysVariable = "RETENTION_JOB_HISTORY_DAYS";
    public const string SystemLogDaysVariable = "RETENTION_SYSTEM_LOG_DAYS";
    public const string IdempotencyKeyHoursVariable = "RETENTION_IDEMPOTENCY_KEY_HOURS";
    public const string AdmissionRejectionDaysVariable = "RETENTION_ADMISSION_REJECTION_DAYS";
    public const string IntervalMinutesVariable = "RETENTION_INTERVAL_MINUTES";
    public const string BatchSizeVariable = "RETENTION_BATCH_SIZE";
    public const string BatchPauseVariable = "RETENTION_BATCH_PAUSE_MS";

    [ConfigurationKeyName(RejectedImageDaysVariable)]
    public int RejectedImageDays { get; set; } = 30;

    [ConfigurationKeyName(JobHistoryDaysVariable)]
    public int JobHistoryDays { get; set; } = 180;

    [ConfigurationKeyName(SystemLogDaysVariable)]
    public int SystemLogDays { get; set; } = 180;

    [ConfigurationKeyName(IdempotencyKeyHoursVariable)]
    public int IdempotencyKeyHours { get; set; } = 24;

    [ConfigurationKeyName(AdmissionRejectionDaysVariable)]
    public int AdmissionRejectionDays { get; set; } = 30;

    /// <summary>How often the reminder runs the sweep.</summary>
    [ConfigurationKeyName(IntervalMinutesVariable)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Rows per delete statement; small, so no statement holds locks on a live table for long.</summary>
    [ConfigurationKeyName(BatchSizeVariable)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause between batches, leaving the tables to live traffic.</summary>
    [ConfigurationKeyName(BatchPauseVariable)]
    public int BatchPauseMilliseconds { get; set; } = 200;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    public TimeSpan BatchPause => TimeSpan.FromMilliseconds(BatchPauseMilliseconds);

    public RetentionPolicy Defaults => new()
    {
        RejectedImageDays = RejectedImageDays,
        JobHistoryDays = JobHistoryDays,
        SystemLogDays = SystemLogDays,
        IdempotencyKeyHours = IdempotencyKeyHours,
        AdmissionRejectionDays = AdmissionRejectionDays,
    };
}
