namespace IdeogramJobs.Grains.Jobs;

/// <summary>What the job's activation is doing about its next attempt.</summary>
public enum JobPhase
{
    /// <summary>Nothing scheduled: a start, a grant or a wake-up moves it on.</summary>
    Idle,

    /// <summary>Asked the capacity grain for Ideogram images; waits to be told.</summary>
    WaitingForCapacity,

    /// <summary>An attempt is due at a set time (now, or after a retry's backoff).</summary>
    Scheduled,

    /// <summary>An attempt is under way (asking for capacity, calling Ideogram, storing images, deciding what next).</summary>
    Running,
}
