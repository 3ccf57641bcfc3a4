namespace IdeogramJobs.Grains.Jobs;

/// <summary>Why an attempt is followed by another, as the ideogramjobs.attempts.retried metric tags it.</summary>
public static class RetryCause
{
    /// <summary>The attempt's silo died; another activation took the row over.</summary>
    public const string SiloLost = "silo_lost";

    /// <param name="ours">Whether the state machine counts the setback as ours (not spending the job's retries).</param>
    public static string Of(AttemptOutcome outcome, bool ours) => outcome.End switch
    {
        AttemptEnd.Stopped => ours ? "silo_stopping" : "timeout",
        // The runner ends an attempt as Interrupted only when Ideogram answered 429 over its in-flight limit.
        AttemptEnd.Interrupted => "provider_over_limit",
        _ => "transient",
    };
}
