namespace IdeogramJobs.Api.Tests.OrganisationKeys;

/// <summary>The test classes that share one service with a master key and a simulator that knows the organisations' keys.</summary>
[CollectionDefinition(Name)]
public sealed class OrganisationKeysCollection : ICollectionFixture<OrganisationKeysFixture>
{
    public const string Name = "Organisation keys";
}
