using System.Globalization;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>Bounds of an account's own limits: each unset (the service default) or a positive count.</summary>
public static class AccountLimitsRules
{
    public const int MaxRate = 1_000_000;
    public const int MaxConcurrentJobs = 1_000;

    public static IReadOnlyList<SettingsError> Validate(AccountLimits limits)
    {
        var errors = new List<SettingsError>();
        Check(errors, "jobsPerMinute", limits.JobsPerMinute, MaxRate);
        Check(errors, "jobsPerDay", limits.JobsPerDay, MaxRate);
        Check(errors, "imagesPerMinute", limits.ImagesPerMinute, MaxRate);
        Check(errors, "imagesPerDay", limits.ImagesPerDay, MaxRate);
        Check(errors, "dailyImageQuota", limits.DailyImageQuota, MaxRate);
        Check(errors, "maxConcurrentJobs", limits.MaxConcurrentJobs, MaxConcurrentJobs);
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
