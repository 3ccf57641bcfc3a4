using IdeogramJobs.Contracts.Events;

namespace IdeogramJobs.Grains.Events;

/// <summary>
/// One account's recent job events (<see cref="AccountEventWindow"/>). Held in memory only: a new
/// activation starts a new window, and watchers that were behind it get a reset.
/// </summary>
public sealed class AccountEventsGrain(TimeProvider time) : Grain, IAccountEventsGrain
{
    /// <summary>Enough for a reconnecting browser to catch up after a while away, small enough to hold for every account.</summary>
    public const int Kept = 500;

    /// <summary>Long polls are bounded below Orleans' 30 s call timeout.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);

    private readonly AccountEventWindow window = new(time, Kept);

    public Task PublishAsync(AccountJobEvent item)
    {
        window.Add(item);
        return Task.CompletedTask;
    }

    public Task<AccountEventBatch> WatchAsync(long? afterSequence, TimeSpan maxWait) =>
        window.AfterAsync(afterSequence, maxWait < LongestWait ? maxWait : LongestWait);
}
