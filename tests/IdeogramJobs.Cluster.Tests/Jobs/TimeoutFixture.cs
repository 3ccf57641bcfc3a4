using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>Attempts bounded at two seconds, two attempts in all.</summary>
public sealed class TimeoutFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["JOB_TIMEOUT_SECONDS"] = "2",
        ["RETRY_MAX_ATTEMPTS"] = "2",
    };
}
