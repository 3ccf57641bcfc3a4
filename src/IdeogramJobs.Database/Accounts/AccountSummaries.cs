using IdeogramJobs.Contracts.Accounts;

namespace IdeogramJobs.Database.Accounts;

/// <summary>An account's row as the grains and the API answer it.</summary>
public static class AccountSummaries
{
    public static AccountSummary ToSummary(this AccountRecord account) => new()
    {
        AccountId = account.AccountId,
        OrganizationId = account.OrganizationId,
        Name = account.Name,
        Slug = account.Slug,
        IsActive = account.IsActive,
        CreatedAt = account.CreatedAt,
        Limits = new AccountLimits
        {
            JobsPerMinute = account.JobsPerMinute,
            JobsPerDay = account.JobsPerDay,
            ImagesPerMinute = account.ImagesPerMinute,
            ImagesPerDay = account.ImagesPerDay,
            DailyImageQuota = account.DailyImageQuota,
            MaxConcurrentJobs = account.MaxConcurrentJobs,
        },
    };
}
