using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>Room for two images in flight, on a cluster whose capacity grain's silo a test kills; no other test shares it.</summary>
public sealed class CapacityMoveFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["IDEOGRAM_MAX_INFLIGHT_IMAGES"] = "2",
    };
}
