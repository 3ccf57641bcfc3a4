using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>Reminders every ten minutes, so only the reaction to a silo's death can revive its jobs within a test's bounds.</summary>
public sealed class SlowReminderFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["JOB_REMINDER_PERIOD_SECONDS"] = "600",
    };
}
