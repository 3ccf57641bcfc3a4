namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// A job's claim on Ideogram's in-flight places as the table shows it, for a capacity grain that
/// (re)activates: an attempt that may be calling Ideogram now, an abandoned call that may still run
/// until <see cref="Until"/>, or a dispatched job waiting its turn since <see cref="Since"/>. A running
/// claim carries the token of the attempt that owns the row.
/// </summary>
public sealed record CapacityClaim(long JobId, string AccountId, int Units, CapacityClaimKind Kind, DateTime Since, DateTime? Until)
{
    public string? AttemptToken { get; init; }
}
