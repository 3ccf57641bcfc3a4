using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>A cluster whose silos a test kills; no other test shares it.</summary>
public sealed class CrashFixture : JobEngineFixture;
