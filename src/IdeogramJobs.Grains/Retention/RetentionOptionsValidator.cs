using IdeogramJobs.Contracts.Retention;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Retention;

/// <summary>Checks the retention variables at start; every message names the variable to fix.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions o)
    {
        var failures = new List<string>();
        Require(failures, o.RejectedImageDays is >= 1 and <= RetentionLimits.MaxDays, $"{RetentionOptions.RejectedImageDaysVariable} must be 1-{RetentionLimits.MaxDays}; got {o.RejectedImageDays}.");
        Require(failures, o.JobHistoryDays is >= 1 and <= RetentionLimits.MaxDays, $"{RetentionOptions.JobHistoryDaysVariable} must be 1-{RetentionLimits.MaxDays}; got {o.JobHistoryDays}.");
        Require(failures, o.SystemLogDays is >= 1 and <= RetentionLimits.MaxDays, $"{RetentionOptions.SystemLogDaysVariable} must be 1-{RetentionLimits.MaxDays}; got {o.SystemLogDays}.");
        Require(failures, o.IdempotencyKeyHours is >= 1 and <= RetentionLimits.MaxHours, $"{RetentionOptions.IdempotencyKeyHoursVariable} must be 1-{RetentionLimits.MaxHours}; got {o.IdempotencyKeyHours}.");
        Require(failures, o.AdmissionRejectionDays is >= 1 and <= RetentionLimits.MaxDays, $"{RetentionOptions.AdmissionRejectionDaysVariable} must be 1-{RetentionLimits.MaxDays}; got {o.AdmissionRejectionDays}.");
        Require(failures, o.IntervalMinutes is >= 1 and <= 10_080, $"{RetentionOptions.IntervalMinutesVariable} must be 1-10080 (a week); got {o.IntervalMinutes}.");
        Require(failures, o.BatchSize is >= 1 and <= 10_000, $"{RetentionOptions.BatchSizeVariable} must be 1-10000; got {o.BatchSize}.");
        Require(failures, o.BatchPauseMilliseconds is >= 0 and <= 60_000, $"{RetentionOptions.BatchPauseVariable} must be 0-60000; got {o.BatchPauseMilliseconds}.");
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
