using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Options;

public sealed class JobEngineOptionsValidator : IValidateOptions<JobEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, JobEngineOptions o)
    {
        var failures = new List<string>();
        Require(failures, o.MaxConcurrentJobs is >= 1 and <= 1000, $"MAX_CONCURRENT_JOBS must be 1-1000; got {o.MaxConcurrentJobs}.");
        Require(failures, o.JobTimeoutSeconds is >= 1 and <= 3600, $"JOB_TIMEOUT_SECONDS must be 1-3600; got {o.JobTimeoutSeconds}.");
        Require(failures, o.RetryMaxAttempts is >= 1 and <= 20, $"RETRY_MAX_ATTEMPTS must be 1-20; got {o.RetryMaxAttempts}.");
        Require(failures, o.RetryBaseDelaySeconds is >= 0 and <= 600, $"RETRY_BASE_DELAY_SECONDS must be 0-600; got {o.RetryBaseDelaySeconds}.");
        Require(failures, o.RetryMaxDelaySeconds >= o.RetryBaseDelaySeconds && o.RetryMaxDelaySeconds <= 3600, $"RETRY_MAX_DELAY_SECONDS must be at least RETRY_BASE_DELAY_SECONDS and at most 3600; got {o.RetryMaxDelaySeconds}.");
        Require(failures, o.IdeogramMaxInflightImages is >= 1 and <= 10_000, $"IDEOGRAM_MAX_INFLIGHT_IMAGES must be 1-10000; got {o.IdeogramMaxInflightImages}.");
        Require(failures, o.JobsPerMinute >= 1, $"ACCOUNT_JOBS_PER_MINUTE must be at least 1; got {o.JobsPerMinute}.");
        Require(failures, o.JobsPerDay >= 1, $"ACCOUNT_JOBS_PER_DAY must be at least 1; got {o.JobsPerDay}.");
        Require(failures, o.ImagesPerMinute >= 1, $"ACCOUNT_IMAGES_PER_MINUTE must be at least 1; got {o.ImagesPerMinute}.");
        Require(failures, o.ImagesPerDay >= 1, $"ACCOUNT_IMAGES_PER_DAY must be at least 1; got {o.ImagesPerDay}.");
        Require(failures, o.DailyImageQuota >= 1, $"ACCOUNT_DAILY_IMAGE_QUOTA must be at least 1; got {o.DailyImageQuota}.");
        Require(failures, o.ReminderPeriodSeconds is >= 1 and <= 3600, $"JOB_REMINDER_PERIOD_SECONDS must be 1-3600; got {o.ReminderPeriodSeconds}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
