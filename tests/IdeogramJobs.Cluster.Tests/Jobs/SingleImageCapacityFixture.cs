using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>Room for one image in flight at Ideogram, so a second job waits for capacity.</summary>
public sealed class SingleImageCapacityFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["IDEOGRAM_MAX_INFLIGHT_IMAGES"] = "1",
    };
}
