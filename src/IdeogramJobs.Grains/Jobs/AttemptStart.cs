namespace IdeogramJobs.Grains.Jobs;

/// <summary>How the start of an attempt went (see <see cref="JobAttempt.RunAsync"/>).</summary>
public sealed record AttemptStart
{
    /// <summary>The row was claimed and the attempt ran and was settled.</summary>
    public bool Ran { get; private init; }

    /// <summary>The capacity grain does not count the job's units (it may have restarted since the grant): the job waits its turn again.</summary>
    public bool WaitsForCapacity { get; private init; }

    /// <summary>The database or the capacity grain did not answer; nothing was sent to Ideogram.</summary>
    public bool CouldNotStart { get; private init; }

    public static readonly AttemptStart Done = new() { Ran = true };

    /// <summary>The row could not be claimed (it changed meanwhile): follow the row.</summary>
    public static readonly AttemptStart Lost = new();

    public static readonly AttemptStart NoCapacity = new() { WaitsForCapacity = true };

    public static readonly AttemptStart Failed = new() { CouldNotStart = true };
}
