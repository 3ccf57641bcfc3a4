namespace IdeogramJobs.Grains.Jobs;

/// <summary>Why an attempt is followed by another, as the ideogramjobs.attempts.retried metric tags it.</summary>
public static class RetryCause
{
    /// <summary>The attempt's silo died; another activation took the row over.</summary>
    public const string SiloLost = "silo_lost";

    /// <summary>The database could not be reached while the attempt recorded its work.</summary>
    public const string DatabaseUnavailable = "database_unavailable";

    /// <param name="ours">Whether the state machine counts the setback as ours (not spending the job's retries).</param>
    public static string Of(AttemptOutcome outcome, bool ours) => outcome.Cause ?? outcome.End switch
    {
        AttemptEnd.Stopped => ours ? "silo_stopping" : "timeout",
        // Without a cause of its own, the runner ends an attempt as Interrupted only when Ideogram answered 429 over its in-flight limit.
        AttemptEnd.Interrupted => "provider_over_limit",
        _ => "transient",
    };
}
