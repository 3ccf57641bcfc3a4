using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.OrganisationKeys;

[Collection(OrganisationKeysCollection.Name)]
public sealed class OrganisationKeysTests(OrganisationKeysFixture fixture)
{
    [Fact]
    public async Task An_organisations_key_is_answered_only_as_its_last_four_characters_and_can_be_removed()
    {
        var (_, organizationId) = await fixture.NewOrganisationAsync();
        var path = $"/api/admin/organizations/{organizationId}/ideogram-key";

        using var set = await fixture.Admin.PutAsJsonAsync(path, new { apiKey = OrganisationKeysFixture.KeyOfA });
        var setBody = await set.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var read = await fixture.Admin.GetStringAsync(path);
        var key = JsonNode.Parse(read)!;
        Assert.Equal("active", key["status"]!.GetValue<string>());
        Assert.Equal(OrganisationKeysFixture.KeyOfA[^4..], key["lastFour"]!.GetValue<string>());
        Assert.Equal(10, key["maxInflightImages"]!.GetValue<int>());
        Assert.Equal($"org:{organizationId}", key["keyIdentity"]!.GetValue<string>());
        Assert.DoesNotContain(OrganisationKeysFixture.KeyOfA, setBody, StringComparison.Ordinal);
        Assert.DoesNotContain(OrganisationKeysFixture.KeyOfA, read, StringComparison.Ordinal);

        using var removed = await fixture.Admin.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var after = JsonNode.Parse(await fixture.Admin.GetStringAsync(path))!;
        Assert.Equal("none", after["status"]!.GetValue<string>());
        Assert.Equal("service", after["keyIdentity"]!.GetValue<string>());
        using var again = await fixture.Admin.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_key_for_an_unknown_organisation_or_a_malformed_key_is_refused_without_quoting_it()
    {
        using var unknown = await fixture.Admin.PutAsJsonAsync("/api/admin/organizations/no-such-org/ideogram-key", new { apiKey = "a-well-formed-key-1234" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var (_, organizationId) = await fixture.NewOrganisationAsync();
        using var malformed = await fixture.Admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key", new { apiKey = "has spaces in it" });
        var body = await malformed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("apiKey", body, StringComparison.Ordinal);
        Assert.DoesNotContain("has spaces in it", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_organisations_with_their_own_keys_are_each_held_to_their_own_limit_while_both_are_saturated()
    {
        var (a, orgA) = await fixture.NewOrganisationAsync();
        var (b, orgB) = await fixture.NewOrganisationAsync();
        await SetKeyAsync(orgA, OrganisationKeysFixture.KeyOfA, limit: 4);
        await SetKeyAsync(orgB, OrganisationKeysFixture.KeyOfB, limit: 6);
        await RaiseConcurrencyAsync(a.AccountId);
        await RaiseConcurrencyAsync(b.AccountId);
        var serviceBefore = await ImagesOfAsync(OrganisationKeysFixture.ServiceKey);

        var jobs = new List<(TestAccount Account, long JobId)>();
        for (var i = 0; i < 8; i++)
        {
            jobs.Add((a, await a.ExecuteAsync("blog_header", $"harbour {i}", new { numImages = 2 })));
            jobs.Add((b, await b.ExecuteAsync("blog_header", $"lighthouse {i}", new { numImages = 2 })));
        }

        foreach (var (account, jobId) in jobs)
        {
            await account.WaitForAsync(jobId, "completed", seconds: 120);
        }

        var statsA = (await fixture.SimulatorStatsOfAsync(OrganisationKeysFixture.KeyOfA))!;
        var statsB = (await fixture.SimulatorStatsOfAsync(OrganisationKeysFixture.KeyOfB))!;
        Assert.Equal(16, statsA["images"]!.GetValue<long>());
        Assert.Equal(16, statsB["images"]!.GetValue<long>());
        Assert.Equal(4, statsA["maxInflightImages"]!.GetValue<long>());
        Assert.Equal(6, statsB["maxInflightImages"]!.GetValue<long>());
        Assert.Equal(0, statsA["rejectedInflight"]!.GetValue<long>());
        Assert.Equal(0, statsB["rejectedInflight"]!.GetValue<long>());
        Assert.Equal(serviceBefore, await ImagesOfAsync(OrganisationKeysFixture.ServiceKey));
        AssertNoKeyInOutput();
    }

    [Fact]
    public async Task A_key_Ideogram_refuses_fails_only_its_organisations_jobs_with_the_reason_and_shows_as_refused()
    {
        var (refused, refusedOrg) = await fixture.NewOrganisationAsync();
        var (other, _) = await fixture.NewOrganisationAsync();
        await SetKeyAsync(refusedOrg, OrganisationKeysFixture.RefusedKey, limit: 2);
        var servedBefore = await ImagesOfAsync(OrganisationKeysFixture.ServiceKey);

        var refusedJobs = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            refusedJobs.Add(await refused.ExecuteAsync("blog_header", $"refused {i}", new { numImages = 2 }));
        }

        var otherJob = await other.ExecuteAsync("blog_header", "served by the service key", new { numImages = 1 });

        foreach (var jobId in refusedJobs)
        {
            var failed = await refused.WaitForAsync(jobId, "failed", seconds: 60);
            Assert.Contains("refused the organisation's own Ideogram key", failed["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(0, failed["retryCount"]!.GetValue<int>());
        }

        await other.WaitForAsync(otherJob, "completed");
        Assert.Equal(servedBefore + 1, await ImagesOfAsync(OrganisationKeysFixture.ServiceKey));
        Assert.Equal(0, await ImagesOfAsync(OrganisationKeysFixture.RefusedKey));

        var key = JsonNode.Parse(await fixture.Admin.GetStringAsync($"/api/admin/organizations/{refusedOrg}/ideogram-key"))!;
        Assert.Equal("refusedByIdeogram", key["status"]!.GetValue<string>());
        Assert.NotNull(key["refusedAt"]);

        // A job submitted after the refusal fails at once with the same reason, sending nothing.
        var late = await refused.ExecuteAsync("blog_header", "after the refusal", new { numImages = 1 });
        var lateFailed = await refused.WaitForAsync(late, "failed", seconds: 30);
        Assert.Equal(key["refusedReason"]!.GetValue<string>(), lateFailed["errorMessage"]!.GetValue<string>());
        AssertNoKeyInOutput();
    }

    private async Task SetKeyAsync(string organizationId, string apiKey, int limit)
    {
        using var set = await fixture.Admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key", new { apiKey });
        Assert.True(set.IsSuccessStatusCode, $"setting the key answered {(int)set.StatusCode}");
        using var limited = await fixture.Admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key/limit", new { maxInflightImages = limit });
        Assert.True(limited.IsSuccessStatusCode, $"setting the limit answered {(int)limited.StatusCode}: {await limited.Content.ReadAsStringAsync()}");
    }

    /// <summary>The account's own concurrency cap must not be what holds the jobs back.</summary>
    private async Task RaiseConcurrencyAsync(string accountId)
    {
        using var limits = await fixture.Admin.PutAsJsonAsync($"/api/admin/accounts/{accountId}/limits", new { maxConcurrentJobs = 20, jobsPerMinute = 1000, imagesPerMinute = 1000 });
        Assert.True(limits.IsSuccessStatusCode, $"setting the account's limits answered {(int)limits.StatusCode}: {await limits.Content.ReadAsStringAsync()}");
    }

    private async Task<long> ImagesOfAsync(string apiKey) =>
        (await fixture.SimulatorStatsOfAsync(apiKey))?["images"]?.GetValue<long>() ?? 0;

    private void AssertNoKeyInOutput()
    {
        var output = fixture.Output;
        foreach (var key in new[] { OrganisationKeysFixture.KeyOfA, OrganisationKeysFixture.KeyOfB, OrganisationKeysFixture.RefusedKey })
        {
            Assert.False(output.Contains(key, StringComparison.Ordinal), "an organisation's Ideogram key appeared in the processes' output");
        }
    }
}
