namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// A token bucket: <see cref="Capacity"/> tokens, refilled evenly over <see cref="Period"/>.
/// Checking and taking are separate so a submission can be tested against every limit before any
/// of them is charged. It starts with <c>capacity − takenInLastPeriod</c> tokens (never fewer than
/// none): a bucket that has existed all along holds at least that many, because in any one period
/// it refills by a whole capacity and loses only what was taken, so starting there never admits more.
/// </summary>
public sealed class TokenBucket(int capacity, TimeSpan period, DateTimeOffset now, int takenInLastPeriod)
{
    private double tokens = Math.Max(0, capacity - takenInLastPeriod);
    private DateTimeOffset updated = now;

    public int Capacity { get; } = capacity;

    public TimeSpan Period { get; } = period;

    /// <summary>Zero when <paramref name="count"/> tokens are there now, else how long until they will be.</summary>
    public TimeSpan WaitFor(int count, DateTimeOffset now)
    {
        Refill(now);
        if (count > Capacity)
        {
            return TimeSpan.MaxValue;
        }

        var missing = count - tokens;
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(missing / Capacity * Period.Ticks));
    }

    public void Take(int count, DateTimeOffset now)
    {
        Refill(now);
        tokens -= count;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= updated)
        {
            return;
        }

        tokens = Math.Min(Capacity, tokens + ((now - updated).Ticks / (double)Period.Ticks * Capacity));
        updated = now;
    }
}
