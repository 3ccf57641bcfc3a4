namespace IdeogramJobs.Contracts.Capacity;

[GenerateSerializer, Immutable, Alias("ideogramjobs.capacity-snapshot")]
public sealed record CapacitySnapshot
{
    [Id(0)] public int Capacity { get; init; }
    [Id(1)] public int InUse { get; init; }
    [Id(2)] public int Waiting { get; init; }
    [Id(3)] public int MaxInUseObserved { get; init; }

    /// <summary>The silo the capacity grain is active on, as Orleans names it (S&lt;ip&gt;:&lt;port&gt;:&lt;generation&gt;).</summary>
    [Id(4)] public string? Silo { get; init; }
}
