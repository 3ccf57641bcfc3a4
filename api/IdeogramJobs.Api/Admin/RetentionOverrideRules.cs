using System.Globalization;
using IdeogramJobs.Contracts.Retention;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>Bounds of an account's retention periods: each unset (the service default) or a positive count up to ten years.</summary>
public static class RetentionOverrideRules
{
    public static IReadOnlyList<SettingsError> Validate(RetentionOverride overrides)
    {
        var errors = new List<SettingsError>();
        Check(errors, "rejectedImageDays", overrides.RejectedImageDays, RetentionLimits.MaxDays);
        Check(errors, "jobHistoryDays", overrides.JobHistoryDays, RetentionLimits.MaxDays);
        Check(errors, "systemLogDays", overrides.SystemLogDays, RetentionLimits.MaxDays);
        Check(errors, "idempotencyKeyHours", overrides.IdempotencyKeyHours, RetentionLimits.MaxHours);
        Check(errors, "admissionRejectionDays", overrides.AdmissionRejectionDays, RetentionLimits.MaxDays);
        return errors;
    }

    private static void Check(List<SettingsError> errors, string field, int? value, int max)
    {
        if (value is { } given && (given < 1 || given > max))
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"1..{max}");
            errors.Add(new SettingsError(field, $"{field} must be null (the service default) or within {range}.",
                given.ToString(CultureInfo.InvariantCulture), [range]));
        }
    }
}
