using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// Why attempts failed, read from the job steps the engine writes to ssnews_system_logs ("Attempt N
/// failed (transient): reason ...", "Attempt N was cut off on our side ...", "The attempt was cut
/// off: ..." when a dead silo's attempt is taken over, and "Job failed (...): reason"), sorted by the reason's text.
/// Over-limit 429s and storage failures are the service's own faults; timeouts are too when the
/// provider was not made to hang, since every generation then ends well within the bound.
/// </summary>
public sealed record FailedAttemptCauses(long OverLimit, long TimedOut, long Interrupted, long ProviderErrors, long ProviderRateLimited, long CircuitOpen, long Storage, long Other)
{
    private const string Query = """
        SELECT message FROM ssnews_system_logs
        WHERE job_id IS NOT NULL
          AND (message LIKE 'Attempt % failed%' OR message LIKE 'Attempt % was cut off%' OR message LIKE 'The attempt was cut off%' OR message LIKE 'Job failed%')
        """;

    public long Total => OverLimit + TimedOut + Interrupted + ProviderErrors + ProviderRateLimited + CircuitOpen + Storage + Other;

    /// <summary>Attempts lost to the service itself; <paramref name="providerHangs"/> says whether timeouts were the provider's doing.</summary>
    public long OwnFaults(bool providerHangs) => OverLimit + Storage + (providerHangs ? 0 : TimedOut);

    public static async Task<FailedAttemptCauses> ReadAsync(LoopbackSystem system)
    {
        var counts = new long[8];
        foreach (var row in await system.Database.QueryAsync(Query))
        {
            counts[(int)Classify(row["message"] ?? string.Empty)]++;
        }

        return new FailedAttemptCauses(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
    }

    /// <summary>One figure per cause, and the attempts lost to the service's own faults.</summary>
    public IEnumerable<Figure> Figures(bool providerHangs)
    {
        yield return new("failed attempts", Total, "attempts", 0);
        yield return new("  over the in-flight limit (429 inflight_limit)", OverLimit, "attempts", 0, "0");
        yield return new("  timed out (JOB_TIMEOUT_SECONDS / IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS)", TimedOut, "attempts", 0);
        yield return new("  interrupted by a silo stop", Interrupted, "attempts", 0);
        yield return new("  provider 5xx", ProviderErrors, "attempts", 0);
        yield return new("  provider 429 without inflight_limit", ProviderRateLimited, "attempts", 0);
        yield return new("  circuit open", CircuitOpen, "attempts", 0);
        yield return new("  storing images", Storage, "attempts", 0);
        yield return new("  other", Other, "attempts", 0);
        yield return new(
            "attempts lost to our own faults (" + (providerHangs ? "over-limit, storage" : "over-limit, storage, timeouts") + ")",
            OwnFaults(providerHangs), "attempts", 0, "0");
    }

    private static Cause Classify(string message) => message switch
    {
        _ when message.Contains("inflight_limit", StringComparison.Ordinal) => Cause.OverLimit,
        _ when message.Contains("TIMEOUT_SECONDS", StringComparison.Ordinal) => Cause.TimedOut,
        _ when message.Contains("cut off", StringComparison.Ordinal) || message.Contains("shutting down", StringComparison.Ordinal) => Cause.Interrupted,
        _ when message.Contains("circuit open", StringComparison.Ordinal) => Cause.CircuitOpen,
        _ when message.Contains("Storing the images failed", StringComparison.Ordinal) => Cause.Storage,
        _ when message.Contains("Ideogram answered 5", StringComparison.Ordinal) => Cause.ProviderError,
        _ when message.Contains("Ideogram answered 429", StringComparison.Ordinal) => Cause.ProviderRateLimited,
        _ when message.Contains("connection to Ideogram", StringComparison.Ordinal) => Cause.ProviderError,
        _ => Cause.Other,
    };

    private enum Cause
    {
        OverLimit,
        TimedOut,
        Interrupted,
        ProviderError,
        ProviderRateLimited,
        CircuitOpen,
        Storage,
        Other,
    }
}
