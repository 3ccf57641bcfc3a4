namespace IdeogramJobs.Contracts.Admin;

/// <summary>
/// What one silo carries, as Orleans last sampled it: activations, CPU and memory (smoothed the
/// way Orleans smooths them for placement and overload detection), overload and connected clients.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.silo-snapshot")]
public sealed record SiloSnapshot
{
    [Id(0)] public required string SiloAddress { get; init; }
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public int ActivationCount { get; init; }
    [Id(3)] public int RecentlyUsedActivationCount { get; init; }

    /// <summary>The machine's CPU usage, 0–100.</summary>
    [Id(4)] public double CpuUsagePercent { get; init; }

    /// <summary>Managed memory in use, fragmentation between objects included.</summary>
    [Id(5)] public long MemoryUsageBytes { get; init; }

    [Id(6)] public long AvailableMemoryBytes { get; init; }

    /// <summary>
    /// Physical memory as far as the process may use it: the lower of the machine's high-memory-load
    /// threshold and the process' (container's) memory limit.
    /// </summary>
    [Id(7)] public long MaximumAvailableMemoryBytes { get; init; }

    [Id(8)] public bool IsOverloaded { get; init; }
    [Id(9)] public long ClientCount { get; init; }
    [Id(10)] public DateTime AsOf { get; init; }
}
