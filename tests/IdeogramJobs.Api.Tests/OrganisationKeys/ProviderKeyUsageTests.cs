using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.OrganisationKeys;

/// <summary>GET /api/admin/usage/provider-keys: usage per organisation and per Ideogram key identity, from real jobs.</summary>
[Collection(OrganisationKeysCollection.Name)]
public sealed class ProviderKeyUsageTests(OrganisationKeysFixture fixture)
{
    [Fact]
    public async Task Usage_counts_each_organisations_jobs_images_and_failures_under_the_key_they_used()
    {
        var (own, ownOrg) = await fixture.NewOrganisationAsync();
        var (refused, refusedOrg) = await fixture.NewOrganisationAsync();
        var (serviced, servicedOrg) = await fixture.NewOrganisationAsync();
        await SetKeyAsync(ownOrg, OrganisationKeysFixture.UsageKey);
        await SetKeyAsync(refusedOrg, OrganisationKeysFixture.RefusedKey);

        var ownJobs = new[]
        {
            await own.ExecuteAsync("blog_header", "usage harbour 1", new { numImages = 2 }),
            await own.ExecuteAsync("blog_header", "usage harbour 2", new { numImages = 3 }),
        };
        var refusedJob = await refused.ExecuteAsync("blog_header", "usage refused", new { numImages = 1 });
        var servicedJob = await serviced.ExecuteAsync("blog_header", "usage service", new { numImages = 1 });
        foreach (var jobId in ownJobs)
        {
            await own.WaitForAsync(jobId, "completed", seconds: 120);
        }

        await refused.WaitForAsync(refusedJob, "failed", seconds: 60);
        await serviced.WaitForAsync(servicedJob, "completed", seconds: 60);

        var usage = await UsageAsync("");
        var ownUsage = Organisation(usage, ownOrg);
        AssertFigures(ownUsage["totals"]!, jobs: 2, completed: 2, failed: 0, images: 5);
        AssertFigures(ownUsage["byKeyIdentity"]![$"org:{ownOrg}"]!, jobs: 2, completed: 2, failed: 0, images: 5);
        Assert.Single(ownUsage["byKeyIdentity"]!.AsObject());
        AssertFigures(Organisation(usage, refusedOrg)["byKeyIdentity"]![$"org:{refusedOrg}"]!, jobs: 1, completed: 0, failed: 1, images: 0);
        AssertFigures(Organisation(usage, servicedOrg)["byKeyIdentity"]!["service"]!, jobs: 1, completed: 1, failed: 0, images: 1);

        var ownKey = Identity(usage, $"org:{ownOrg}");
        Assert.Equal(1, ownKey["organisations"]!.GetValue<int>());
        AssertFigures(ownKey["totals"]!, jobs: 2, completed: 2, failed: 0, images: 5);
        Assert.True(Identity(usage, "service")["totals"]!["images"]!.GetValue<int>() >= 1, "the service key's images include the serviced organisation's");
    }

    [Fact]
    public async Task Usage_narrowed_to_an_organisation_answers_only_that_organisation_and_its_keys()
    {
        var (own, ownOrg) = await fixture.NewOrganisationAsync();
        await SetKeyAsync(ownOrg, OrganisationKeysFixture.UsageKey);
        await own.WaitForAsync(await own.ExecuteAsync("blog_header", "narrowed usage", new { numImages = 1 }), "completed", seconds: 60);

        var usage = await UsageAsync($"&organizationId={ownOrg}");

        var organisation = Assert.Single(usage["organisations"]!.AsArray())!;
        Assert.Equal(ownOrg, organisation["organizationId"]!.GetValue<string>());
        var key = Assert.Single(usage["keyIdentities"]!.AsArray())!;
        Assert.Equal($"org:{ownOrg}", key["keyIdentity"]!.GetValue<string>());
        AssertFigures(key["totals"]!, jobs: 1, completed: 1, failed: 0, images: 1);
    }

    [Fact]
    public async Task A_malformed_date_is_refused_with_a_problem_naming_the_field()
    {
        using var response = await fixture.Admin.GetAsync("/api/admin/usage/provider-keys?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["from"]);
    }

    [Fact]
    public async Task Usage_needs_the_admin_key()
    {
        var (account, _) = await fixture.NewOrganisationAsync();

        using var response = await account.Http.GetAsync("/api/admin/usage/provider-keys");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonNode> UsageAsync(string narrowing)
    {
        var from = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await fixture.Admin.GetAsync($"/api/admin/usage/provider-keys?from={from}&to={to}{narrowing}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"usage answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static JsonNode Organisation(JsonNode usage, string organizationId) =>
        usage["organisations"]!.AsArray().SingleOrDefault(o => o!["organizationId"]!.GetValue<string>() == organizationId)
        ?? throw new Xunit.Sdk.XunitException($"organisation {organizationId} is missing from the usage: {usage}");

    private static JsonNode Identity(JsonNode usage, string identity) =>
        usage["keyIdentities"]!.AsArray().SingleOrDefault(k => k!["keyIdentity"]!.GetValue<string>() == identity)
        ?? throw new Xunit.Sdk.XunitException($"key identity {identity} is missing from the usage: {usage}");

    private static void AssertFigures(JsonNode figures, int jobs, int completed, int failed, int images) =>
        Assert.Equal(
            (jobs, completed, failed, images),
            (figures["jobs"]!.GetValue<int>(), figures["completed"]!.GetValue<int>(), figures["failed"]!.GetValue<int>(), figures["images"]!.GetValue<int>()));

    private async Task SetKeyAsync(string organizationId, string apiKey)
    {
        using var set = await fixture.Admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key", new { apiKey });
        Assert.True(set.IsSuccessStatusCode, $"setting the key answered {(int)set.StatusCode}");
    }
}
