using System.Net.Http.Json;

namespace IdeogramJobs.Api.Tests.OrganisationKeys;

/// <summary>What the table holds of an organisation's key: ciphertext under the master key's id, never the key.</summary>
[Collection(OrganisationKeysCollection.Name)]
public sealed class StoredOrganisationKeyTests(OrganisationKeysFixture fixture)
{
    [Fact]
    public async Task The_stored_key_is_ciphertext_tagged_with_the_master_key_id_and_never_contains_the_key()
    {
        var (_, organizationId) = await fixture.NewOrganisationAsync();
        using var set = await fixture.Admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key", new { apiKey = OrganisationKeysFixture.UsageKey });
        Assert.True(set.IsSuccessStatusCode, $"setting the key answered {(int)set.StatusCode}");

        var row = Assert.Single(await fixture.Database.QueryAsync(
            $"SELECT encrypted_key, last_four FROM ideogram_organization_keys WHERE organization_id = '{organizationId}'"));
        var stored = row["encrypted_key"]!;

        Assert.StartsWith($"v1.{OrganisationKeysFixture.MasterKeyId}.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(OrganisationKeysFixture.UsageKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(OrganisationKeysFixture.UsageKey)), stored, StringComparison.Ordinal);
        Assert.Equal(OrganisationKeysFixture.UsageKey[^4..], row["last_four"]);
    }
}
