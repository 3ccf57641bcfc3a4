namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>The test classes that share one running service (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "running service";
}
