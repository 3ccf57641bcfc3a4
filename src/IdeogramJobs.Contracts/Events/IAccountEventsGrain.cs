using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Events;

/// <summary>
/// The recent job events of one account (key: account_id), for the account's live lists. Job grains
/// publish one-way, so a job never waits on it; API instances on any silo's client long-poll it,
/// as they do a job grain for one job's stream. It keeps a bounded window in memory only.
/// </summary>
[Alias("ideogramjobs.account-events-grain")]
public interface IAccountEventsGrain : IGrainWithStringKey
{
    [OneWay, Alias("publish")]
    Task PublishAsync(AccountJobEvent item);

    /// <summary>
    /// Events after <paramref name="afterSequence"/>, waiting up to <paramref name="maxWait"/> for the first;
    /// with null, only where the account stands now, so a new watcher starts from the present.
    /// </summary>
    [AlwaysInterleave, Alias("watch")]
    Task<AccountEventBatch> WatchAsync(long? afterSequence, TimeSpan maxWait);
}
