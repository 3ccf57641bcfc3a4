namespace IdeogramJobs.Contracts.Capacity;

/// <summary>
/// Images the capacity grain counts as in flight at Ideogram: a job's lease (granted; claimed by an
/// attempt or not yet) or a call given up on that Ideogram may still run.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.capacity-hold")]
public sealed record CapacityHold
{
    /// <summary>The job holding the images; none for a call given up on.</summary>
    [Id(0)] public long? JobId { get; init; }

    [Id(1)] public int Units { get; init; }

    /// <summary><c>claimed</c> (an attempt runs), <c>granted</c> (no attempt has claimed it yet) or <c>abandoned</c>.</summary>
    [Id(2)] public string Kind { get; init; } = "";

    /// <summary>When the lease was granted, or the abandoned call began.</summary>
    [Id(3)] public DateTimeOffset Since { get; init; }

    /// <summary>When the images are freed at the latest: the lease's deadline, or when the abandoned call has surely ended.</summary>
    [Id(4)] public DateTimeOffset Until { get; init; }
}
