using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>A cluster whose stopping silos give their running attempts one second; a test stops its silos.</summary>
public sealed class ShortDrainFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["SILO_DRAIN_SECONDS"] = "1",
    };
}
