namespace IdeogramJobs.Grains.Jobs;

/// <summary>How one attempt of a job ended, as the job's state machine needs to know it.</summary>
public enum AttemptEnd
{
    /// <summary>Every image stored and recorded; the row is completed.</summary>
    Completed,

    /// <summary>A transient failure of the job's own (provider error, storage): retry, spending the job's retries.</summary>
    Retry,

    /// <summary>Cut off by our own side (our over-limit 429, a deactivation): retry without spending the job's retries.</summary>
    Interrupted,

    /// <summary>A failure retrying cannot fix.</summary>
    Failed,

    /// <summary>Stopped by its cancellation token (cancel, timeout or deactivation; the job knows which).</summary>
    Stopped,

    /// <summary>Another attempt, or a cancel, owns the row now: this one writes nothing more.</summary>
    Lost,
}
