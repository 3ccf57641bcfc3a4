namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>The processes a <see cref="LoopbackServiceFixture"/> starts.</summary>
public enum LoopbackProcess
{
    Simulator,
    Silo,
    Api,
}
