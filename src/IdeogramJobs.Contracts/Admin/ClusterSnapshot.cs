namespace IdeogramJobs.Contracts.Admin;

/// <summary>The active silos of the cluster and what each carries.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.cluster-snapshot")]
public sealed record ClusterSnapshot
{
    [Id(0)] public IReadOnlyList<SiloSnapshot> Silos { get; init; } = [];
}
