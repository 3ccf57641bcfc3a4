namespace IdeogramJobs.Database.Jobs;

public enum CapacityClaimKind
{
    /// <summary>An attempt owns the row and has no saved generation: it may be calling Ideogram.</summary>
    Running,

    /// <summary>A call that was given up on (timeout, cancel, dead silo), which Ideogram may still be running.</summary>
    Abandoned,

    /// <summary>Dispatched by its account and waiting for capacity.</summary>
    Waiting,
}
