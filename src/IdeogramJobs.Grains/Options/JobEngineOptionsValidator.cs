using System.Globalization;
using IdeogramJobs.Ideogram.Options;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace IdeogramJobs.Grains.Options;

/// <summary>
/// Checks <see cref="JobEngineOptions"/> at start-up, alone and against the settings it must agree with:
/// Orleans' shortest reminder period (a shorter one makes every reminder registration fail) and the
/// Ideogram per-call timeout (one shorter than the attempt cuts off generations Ideogram still bills).
/// </summary>
public sealed class JobEngineOptionsValidator(IOptions<IdeogramOptions> ideogram, IOptions<ReminderOptions> reminders) : IValidateOptions<JobEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, JobEngineOptions o)
    {
        var failures = new List<string>();
        Require(failures, o.MaxConcurrentJobs is >= 1 and <= 1000, $"MAX_CONCURRENT_JOBS must be 1-1000; got {o.MaxConcurrentJobs}.");
        Require(failures, o.JobTimeoutSeconds is >= 1 and <= 3600, $"JOB_TIMEOUT_SECONDS must be 1-3600; got {o.JobTimeoutSeconds}.");
        Require(failures, o.RetryMaxAttempts is >= 1 and <= 20, $"RETRY_MAX_ATTEMPTS must be 1-20; got {o.RetryMaxAttempts}.");
        Require(failures, o.MaxInterruptions is >= 1 and <= 1000, $"JOB_MAX_INTERRUPTIONS must be 1-1000; got {o.MaxInterruptions}.");
        Require(failures, o.RetryBaseDelaySeconds is >= 0 and <= 600, $"RETRY_BASE_DELAY_SECONDS must be 0-600; got {o.RetryBaseDelaySeconds}.");
        Require(failures, o.RetryMaxDelaySeconds >= o.RetryBaseDelaySeconds && o.RetryMaxDelaySeconds <= 3600, $"RETRY_MAX_DELAY_SECONDS must be at least RETRY_BASE_DELAY_SECONDS and at most 3600; got {o.RetryMaxDelaySeconds}.");
        Require(failures, o.IdeogramMaxInflightImages is >= 1 and <= 10_000, $"IDEOGRAM_MAX_INFLIGHT_IMAGES must be 1-10000; got {o.IdeogramMaxInflightImages}.");
        Require(failures, o.JobsPerMinute >= 1, $"ACCOUNT_JOBS_PER_MINUTE must be at least 1; got {o.JobsPerMinute}.");
        Require(failures, o.JobsPerDay >= 1, $"ACCOUNT_JOBS_PER_DAY must be at least 1; got {o.JobsPerDay}.");
        Require(failures, o.ImagesPerMinute >= 1, $"ACCOUNT_IMAGES_PER_MINUTE must be at least 1; got {o.ImagesPerMinute}.");
        Require(failures, o.ImagesPerDay >= 1, $"ACCOUNT_IMAGES_PER_DAY must be at least 1; got {o.ImagesPerDay}.");
        Require(failures, o.DailyImageQuota >= 1, $"ACCOUNT_DAILY_IMAGE_QUOTA must be at least 1; got {o.DailyImageQuota}.");

        var shortestReminder = reminders.Value.MinimumReminderPeriod;
        Require(failures, o.ReminderPeriod >= shortestReminder && o.ReminderPeriodSeconds <= 3600, string.Create(CultureInfo.InvariantCulture,
            $"JOB_REMINDER_PERIOD_SECONDS must be {shortestReminder.TotalSeconds:0.###}-3600 (Orleans refuses reminders more frequent than {shortestReminder.TotalSeconds:0.###} s); got {o.ReminderPeriodSeconds}."));

        var perCall = ideogram.Value.AttemptTimeoutSeconds;
        Require(failures, perCall >= o.JobTimeoutSeconds, string.Create(CultureInfo.InvariantCulture,
            $"IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS ({perCall}) is shorter than JOB_TIMEOUT_SECONDS ({o.JobTimeoutSeconds}): a generation cut off client-side is still billed by Ideogram and keeps its in-flight places, so set it to at least JOB_TIMEOUT_SECONDS."));
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
