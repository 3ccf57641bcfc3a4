using IdeogramJobs.Database.Webhooks;
using IdeogramJobs.Grains.Jobs;

namespace IdeogramJobs.Grains.Webhooks;

/// <summary>When a delivery that did not get through is tried again: exponential backoff with jitter, until its retry window ends.</summary>
public static class WebhookRetryPlan
{
    /// <summary>
    /// The next attempt after the <paramref name="attempt"/>-th failed one, or null when it would fall
    /// after <paramref name="retryUntil"/> and the delivery is given up as failed.
    /// </summary>
    public static DateTime? Next(int attempt, DateTime now, DateTime retryUntil, WebhookOptions options, double jitterSample)
    {
        var delay = RetryBackoff.Delay(attempt, TimeSpan.FromSeconds(options.RetryBaseSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds), null, jitterSample);
        var next = now + delay;
        return next <= retryUntil ? next : null;
    }
}
