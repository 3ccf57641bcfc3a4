using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>
/// Holds every Sirv call of this process while a Sirv rate-limit bucket is exhausted, until the bucket's
/// reset time. One instance per process (a DI singleton), so all uploads share what Sirv reported.
/// </summary>
public sealed class SirvRateLimitGate(TimeProvider time, IOptions<SirvOptions> options, ILogger<SirvRateLimitGate> logger)
{
    // Sirv documents no Retry-After; a 429 without a usable reset header still must not be retried at once.
    private static readonly TimeSpan HoldWhenResetUnknown = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MinimumHoldAfterRejection = TimeSpan.FromSeconds(1);

    private readonly Lock sync = new();
    private DateTimeOffset holdUntil = DateTimeOffset.MinValue;

    /// <summary>Until when Sirv calls are held; null when they may proceed now.</summary>
    public DateTimeOffset? HoldUntil
    {
        get
        {
            lock (sync)
            {
                return holdUntil > time.GetUtcNow() ? holdUntil : null;
            }
        }
    }

    /// <summary>
    /// Waits until no hold is in force. A hold longer than SIRV_RATE_LIMIT_MAX_WAIT_SECONDS fails at once as
    /// transient (with RetryAfter) so the job engine can retry later instead of tying up a worker.
    /// </summary>
    public async ValueTask WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        var maxWait = options.Value.RateLimitMaxWait;
        while (HoldUntil is { } until)
        {
            var wait = until - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            if (wait > maxWait)
            {
                throw new ImageStorageException(
                    $"Sirv's API rate limit is exhausted until {until:u}, {Math.Ceiling(wait.TotalSeconds)} s from now; " +
                    $"that is longer than the {maxWait.TotalSeconds} s an upload may wait ({SirvOptions.RateLimitMaxWaitVariable}), " +
                    "so the upload was not attempted. Retry after the reset.",
                    isTransient: true,
                    retryAfter: wait,
                    innerException: null);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Starts a hold when any bucket in the response reports nothing remaining.</summary>
    internal void Observe(HttpResponseMessage response)
    {
        foreach (var bucket in SirvRateLimitHeaders.Read(response.Headers))
        {
            if (bucket is { IsExhausted: true, Reset: { } reset })
            {
                Extend(reset, bucket.Name);
            }
        }
    }

    /// <summary>Starts a hold after a 429: until the exhausted bucket's reset, or a fallback when Sirv gave none.</summary>
    internal void ObserveRejection(HttpResponseMessage response)
    {
        var buckets = SirvRateLimitHeaders.Read(response.Headers).Where(bucket => bucket.Reset is not null).ToList();
        var exhausted = buckets.Where(bucket => bucket.IsExhausted).ToList();
        var candidates = exhausted.Count > 0 ? exhausted : buckets;
        var now = time.GetUtcNow();
        var latest = candidates.OrderByDescending(bucket => bucket.Reset).FirstOrDefault();
        var until = latest?.Reset ?? now + HoldWhenResetUnknown;
        if (until < now + MinimumHoldAfterRejection)
        {
            until = now + MinimumHoldAfterRejection;
        }

        Extend(until, latest?.Name ?? "unknown (no reset header)");
    }

    private void Extend(DateTimeOffset until, string bucketName)
    {
        lock (sync)
        {
            if (until <= holdUntil || until <= time.GetUtcNow())
            {
                return;
            }

            holdUntil = until;
        }

        logger.LogWarning(
            "Sirv rate limit {RateLimitBucket} is exhausted; holding Sirv calls until {HoldUntil:O}",
            bucketName,
            until);
    }
}
