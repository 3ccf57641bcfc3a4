namespace IdeogramJobs.Testing.Sirv;

/// <summary>A Sirv rate-limit bucket: its window (an hour on Sirv) starts with the first request Sirv receives in it.</summary>
public sealed class SirvRateBucket(string type, int limit, TimeSpan window)
{
    private DateTimeOffset reset = DateTimeOffset.MinValue;

    public string Type { get; } = type;

    /// <summary>Calls allowed per window.</summary>
    public int Limit { get; set; } = limit;

    public TimeSpan Window { get; } = window > TimeSpan.Zero
        ? window
        : throw new ArgumentOutOfRangeException(nameof(window), window, "A rate-limit window must be longer than zero.");

    public int Remaining { get; private set; }

    /// <summary>How many calls this bucket has refused.</summary>
    public int Refusals { get; private set; }

    /// <summary>The end of the current window, on a whole second since Sirv's reset headers carry unix seconds.</summary>
    public DateTimeOffset Reset => reset;

    /// <summary>Counts one call; false when the bucket is already empty for this window.</summary>
    public bool TryConsume(DateTimeOffset now)
    {
        if (now >= reset)
        {
            reset = WholeSecondAtOrAfter(now + Window);
            Remaining = Limit;
        }

        if (Remaining <= 0)
        {
            Refusals++;
            return false;
        }

        Remaining--;
        return true;
    }

    // Rounding up keeps the announced reset strictly in the future and the window at least as long as
    // configured; rounding down could announce a reset already past when the window is short.
    private static DateTimeOffset WholeSecondAtOrAfter(DateTimeOffset instant)
    {
        var seconds = DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
        return seconds < instant ? seconds.AddSeconds(1) : seconds;
    }
}
