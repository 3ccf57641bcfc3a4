using IdeogramJobs.Contracts.Events;

namespace IdeogramJobs.Grains.Events;

/// <summary>
/// The last <c>kept</c> job events of one account, in memory. Sequence numbers start from the clock
/// when the window is made and then count up by one, so a watcher's Last-Event-ID tells whether it
/// missed nothing (it is inside this window) or must start over (a reset).
/// </summary>
public sealed class AccountEventWindow(TimeProvider time, int kept)
{
    private readonly Queue<AccountJobEvent> events = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long last = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public void Add(AccountJobEvent item)
    {
        events.Enqueue(item with { Sequence = ++last, At = item.At == default ? time.GetUtcNow().UtcDateTime : item.At });
        while (events.Count > kept)
        {
            events.Dequeue();
        }

        var waiting = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    /// <summary>
    /// Events after <paramref name="afterSequence"/>, waiting up to <paramref name="maxWait"/> when there are
    /// none yet; with null, only the latest sequence (a new watcher starts from the present).
    /// </summary>
    public async Task<AccountEventBatch> AfterAsync(long? afterSequence, TimeSpan maxWait)
    {
        if (afterSequence is not { } after)
        {
            return new AccountEventBatch { Latest = last };
        }

        if (after == last && maxWait > TimeSpan.Zero)
        {
            await Task.WhenAny(changed.Task, Task.Delay(maxWait, time));
        }

        return Resumable(after)
            ? new AccountEventBatch { Events = [.. events.Where(e => e.Sequence > after)], Latest = last }
            : new AccountEventBatch { Latest = last, Reset = true };
    }

    /// <summary>
    /// Whether everything after <paramref name="after"/> is still here: not older than the oldest event
    /// kept, and not numbered by an earlier window (or made up, beyond the last one given).
    /// </summary>
    private bool Resumable(long after)
    {
        var oldestResumable = events.TryPeek(out var oldest) ? oldest.Sequence - 1 : last;
        return after >= oldestResumable && after <= last;
    }
}
