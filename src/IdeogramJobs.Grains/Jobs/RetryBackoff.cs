namespace IdeogramJobs.Grains.Jobs;

/// <summary>Exponential backoff with ±20% jitter, never shorter than the provider's Retry-After.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter, double jitterSample)
    {
        var exponential = baseDelay.TotalSeconds * Math.Pow(2, Math.Max(0, retry - 1));
        var jittered = exponential * (0.8 + (0.4 * jitterSample));
        var delay = TimeSpan.FromSeconds(Math.Min(jittered, maxDelay.TotalSeconds));
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }
}
