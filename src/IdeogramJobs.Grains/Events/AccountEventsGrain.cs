using IdeogramJobs.Contracts.Events;

namespace IdeogramJobs.Grains.Events;

/// <summary>
/// The last <see cref="Kept"/> job events of one account, in memory. Sequence numbers start from the
/// clock at activation and then count up by one, so a watcher's Last-Event-ID tells whether it missed
/// nothing (it is inside the window of this activation) or must start over (a reset).
/// </summary>
public sealed class AccountEventsGrain(TimeProvider time) : Grain, IAccountEventsGrain
{
    /// <summary>Enough for a reconnecting browser to catch up after a few seconds away, small enough to hold for every account.</summary>
    public const int Kept = 500;

    /// <summary>Long polls are bounded below Orleans' 30 s call timeout.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);

    private readonly Queue<AccountJobEvent> events = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long last = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public Task PublishAsync(AccountJobEvent item)
    {
        events.Enqueue(item with { Sequence = ++last, At = item.At == default ? time.GetUtcNow().UtcDateTime : item.At });
        while (events.Count > Kept)
        {
            events.Dequeue();
        }

        var waiting = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<AccountEventBatch> WatchAsync(long? afterSequence, TimeSpan maxWait)
    {
        if (afterSequence is not { } after)
        {
            return new AccountEventBatch { Latest = last };
        }

        if (after == last && maxWait > TimeSpan.Zero)
        {
            await Task.WhenAny(changed.Task, Task.Delay(maxWait < LongestWait ? maxWait : LongestWait, time));
        }

        return Resumable(after)
            ? new AccountEventBatch { Events = [.. events.Where(e => e.Sequence > after)], Latest = last }
            : new AccountEventBatch { Latest = last, Reset = true };
    }

    /// <summary>
    /// Whether everything after <paramref name="after"/> is still here: not older than the oldest event
    /// kept, and not numbered by an earlier activation or made up (beyond the last one given).
    /// </summary>
    private bool Resumable(long after)
    {
        var oldestResumable = events.TryPeek(out var oldest) ? oldest.Sequence - 1 : last;
        return after >= oldestResumable && after <= last;
    }
}
