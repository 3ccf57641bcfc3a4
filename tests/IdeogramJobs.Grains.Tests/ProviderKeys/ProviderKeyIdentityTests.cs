using IdeogramJobs.Contracts.Capacity;

namespace IdeogramJobs.Grains.Tests.ProviderKeys;

public sealed class ProviderKeyIdentityTests
{
    [Fact]
    public void An_organisations_identity_names_the_organisation_and_reads_back_to_it()
    {
        var identity = ProviderKeyIdentity.ForOrganisation("org_7f3a");

        Assert.Equal("org:org_7f3a", identity);
        Assert.Equal("org_7f3a", ProviderKeyIdentity.OrganisationOf(identity));
    }

    [Theory]
    [InlineData("service")]
    [InlineData("")]
    [InlineData("ORG:upper-case-prefix")]
    [InlineData("organisation:acme")]
    public void Anything_but_an_org_prefix_names_no_organisation(string identity)
    {
        Assert.Null(ProviderKeyIdentity.OrganisationOf(identity));
    }

    [Fact]
    public void An_organisation_id_containing_the_prefix_survives_the_round_trip()
    {
        Assert.Equal("org:nested", ProviderKeyIdentity.OrganisationOf(ProviderKeyIdentity.ForOrganisation("org:nested")));
    }
}
