using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Grains.Options;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>The limits that apply to one account: its own overrides, else the service defaults.</summary>
public sealed record AdmissionLimits(
    int JobsPerMinute,
    int JobsPerDay,
    int ImagesPerMinute,
    int ImagesPerDay,
    int DailyImageQuota,
    int MaxConcurrentJobs)
{
    public static AdmissionLimits For(AccountRecord account, JobEngineOptions defaults) => new(
        account.JobsPerMinute ?? defaults.JobsPerMinute,
        account.JobsPerDay ?? defaults.JobsPerDay,
        account.ImagesPerMinute ?? defaults.ImagesPerMinute,
        account.ImagesPerDay ?? defaults.ImagesPerDay,
        account.DailyImageQuota ?? defaults.DailyImageQuota,
        account.MaxConcurrentJobs ?? defaults.MaxConcurrentJobs);
}
