using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>A shared Ideogram capacity of two images, so accounts must take turns.</summary>
public sealed class FairnessFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["IDEOGRAM_MAX_INFLIGHT_IMAGES"] = "2",
    };
}
