using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.OrganisationKeys;

/// <summary>The shared service runs without SECRET_ENCRYPTION_KEYS.</summary>
[Collection(ServiceCollection.Name)]
public sealed class OrganisationKeyWithoutMasterKeyTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Setting_an_organisation_key_without_a_master_key_answers_a_problem_naming_SECRET_ENCRYPTION_KEYS_and_stores_nothing()
    {
        var account = await fixture.NewAccountAsync();
        var organizationId = JsonNode.Parse(await fixture.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}"))!["organizationId"]!.GetValue<string>();
        const string apiKey = "never-stored-without-a-master-key";

        using var set = await fixture.Admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key", new { apiKey });
        var body = await set.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, set.StatusCode);
        Assert.Contains("SECRET_ENCRYPTION_KEYS", body, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, body, StringComparison.Ordinal);
        var key = JsonNode.Parse(await fixture.Admin.GetStringAsync($"/api/admin/organizations/{organizationId}/ideogram-key"))!;
        Assert.Equal("none", key["status"]!.GetValue<string>());
        Assert.DoesNotContain(apiKey, fixture.Output, StringComparison.Ordinal);
    }
}
