using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Usage;
using IdeogramJobs.Grains.Options;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// An account's profile from its row, the service defaults, today's usage in the tables and the
/// account grain's queue. Stateless, so reading it never queues behind the account's admissions.
/// </summary>
[StatelessWorker]
public sealed class AccountProfileGrain(IAccountStore accounts, IUsageQueries usage, IOptions<JobEngineOptions> options, TimeProvider time)
    : Grain, IAccountProfileGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public async Task<AccountProfile?> GetAsync()
    {
        if (await accounts.GetAsync(AccountId, CancellationToken.None) is not { } account)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = await usage.GetAsync(new UsageQuery { AccountId = AccountId, From = now.Date, To = now.Date.AddDays(1) }, CancellationToken.None);
        var queue = await GrainFactory.GetGrain<IAccountGrain>(AccountId).GetQueueAsync();
        var limits = AdmissionLimits.For(account, options.Value);
        var summary = account.ToSummary();
        return new AccountProfile
        {
            AccountId = summary.AccountId,
            Name = summary.Name,
            IsActive = summary.IsActive,
            Limits = new AccountLimits
            {
                JobsPerMinute = limits.JobsPerMinute,
                JobsPerDay = limits.JobsPerDay,
                ImagesPerMinute = limits.ImagesPerMinute,
                ImagesPerDay = limits.ImagesPerDay,
                DailyImageQuota = limits.DailyImageQuota,
                MaxConcurrentJobs = limits.MaxConcurrentJobs,
            },
            Overrides = summary.Limits,
            UsageToday = new AccountUsageToday
            {
                Jobs = today.Totals.Jobs,
                Images = today.Totals.Images,
                RateLimitRejections = today.Totals.RateLimitRejections,
                InFlight = queue.InFlight.Count,
                Queued = queue.Pending.Count,
            },
        };
    }
}
