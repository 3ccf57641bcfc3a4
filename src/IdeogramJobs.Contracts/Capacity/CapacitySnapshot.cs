namespace IdeogramJobs.Contracts.Capacity;

[GenerateSerializer, Immutable, Alias("ideogramjobs.capacity-snapshot")]
public sealed record CapacitySnapshot
{
    [Id(0)] public int Capacity { get; init; }
    [Id(1)] public int InUse { get; init; }
    [Id(2)] public int Waiting { get; init; }
    [Id(3)] public int MaxInUseObserved { get; init; }

    /// <summary>The silo hosting the capacity grain, so an operator (or a benchmark) knows which restart moves it.</summary>
    [Id(4)] public string? Silo { get; init; }

    /// <summary>What makes up <see cref="InUse"/>, one entry per lease or abandoned call.</summary>
    [Id(5)] public IReadOnlyList<CapacityHold> Holds { get; init; } = [];
}
