namespace IdeogramJobs.Cluster.Tests.Probes;

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)] public int Count { get; set; }

    [Id(1)] public List<string> TickSilos { get; set; } = [];
}
