using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Admin;

[Collection(ServiceCollection.Name)]
public sealed class AdminApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Creating_an_account_answers_its_summary_and_lists_it()
    {
        var slug = "acct-" + Guid.NewGuid().ToString("N")[..10];

        using var created = await service.Admin.PostAsJsonAsync("/api/admin/accounts", new
        {
            organizationSlug = "org-" + slug,
            organizationName = "Org " + slug,
            accountSlug = slug,
            accountName = "Account " + slug,
        });

        var account = await created.ReadJsonAsync(HttpStatusCode.Created);
        var accountId = account["accountId"]!.GetValue<string>();
        Assert.Equal(slug, account["slug"]!.GetValue<string>());
        Assert.Equal("Account " + slug, account["name"]!.GetValue<string>());
        Assert.True(account["isActive"]!.GetValue<bool>());
        Assert.NotNull(account["organizationId"]);
        Assert.NotNull(account["limits"]);
        Assert.NotNull(account["createdAt"]);
        Assert.Equal($"/api/admin/accounts/{accountId}", created.Headers.Location!.OriginalString);

        using var list = await service.Admin.GetAsync("/api/admin/accounts");
        Assert.Contains((await list.ReadJsonAsync(HttpStatusCode.OK)).AsArray(), a => a!["accountId"]!.GetValue<string>() == accountId);
        using var one = await service.Admin.GetAsync($"/api/admin/accounts/{accountId}");
        Assert.Equal(slug, (await one.ReadJsonAsync(HttpStatusCode.OK))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_account_fields_are_a_400_naming_each_and_create_nothing()
    {
        var before = await service.Database.CountAsync("SELECT COUNT(*) FROM ssnews_accounts");

        using var response = await service.Admin.PostAsJsonAsync("/api/admin/accounts", new
        {
            organizationSlug = "Bad Slug",
            organizationName = new string('n', 256),
            accountSlug = "-x'; DROP TABLE ssnews_accounts; --",
            accountName = "  ",
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["accountName", "accountSlug", "organizationName", "organizationSlug"], problem.ErrorFields());
        Assert.Equal(before, await service.Database.CountAsync("SELECT COUNT(*) FROM ssnews_accounts"));
    }

    [Fact]
    public async Task Limits_are_replaced_and_each_out_of_range_value_is_named()
    {
        var account = await service.NewAccountAsync();
        var path = $"/api/admin/accounts/{account.AccountId}/limits";

        using var set = await service.Admin.PutAsJsonAsync(path, new { jobsPerMinute = 30, imagesPerDay = 8000, maxConcurrentJobs = 2 });
        var limits = (await set.ReadJsonAsync(HttpStatusCode.OK))["limits"]!;
        Assert.Equal(30, limits["jobsPerMinute"]!.GetValue<int>());
        Assert.Equal(8000, limits["imagesPerDay"]!.GetValue<int>());
        Assert.Equal(2, limits["maxConcurrentJobs"]!.GetValue<int>());
        Assert.Null(limits["jobsPerDay"]);

        using var refused = await service.Admin.PutAsJsonAsync(path, new { jobsPerMinute = 0, dailyImageQuota = 1_000_001, maxConcurrentJobs = 1001 });
        Assert.Equal(["dailyImageQuota", "jobsPerMinute", "maxConcurrentJobs"], (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var mistyped = await service.Admin.PutAsync(path, Json("""{"jobsPerMinute":"lots"}"""));
        Assert.Equal(["jobsPerMinute"], (await mistyped.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var unknown = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{Guid.NewGuid()}/limits", new { jobsPerMinute = 5 });
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);

        using var after = await service.Admin.GetAsync($"/api/admin/accounts/{account.AccountId}");
        Assert.Equal(30, (await after.ReadJsonAsync(HttpStatusCode.OK))["limits"]!["jobsPerMinute"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_key_is_shown_once_when_issued_then_listed_without_it_and_revoked()
    {
        var account = await service.NewAccountAsync();
        var keysPath = $"/api/admin/accounts/{account.AccountId}/keys";

        using var issued = await service.Admin.PostAsJsonAsync(keysPath, new { name = "pipeline", role = "admin" });
        var key = await issued.ReadJsonAsync(HttpStatusCode.Created);
        var secret = key["key"]!.GetValue<string>();
        var keyId = key["keyId"]!.GetValue<long>();
        Assert.StartsWith("ijk_", secret);
        Assert.StartsWith(key["prefix"]!.GetValue<string>(), secret);
        Assert.Equal("admin", key["role"]!.GetValue<string>());
        Assert.Equal("pipeline", key["name"]!.GetValue<string>());
        Assert.Equal(account.AccountId, key["accountId"]!.GetValue<string>());
        Assert.True(issued.Headers.CacheControl?.NoStore);

        using var list = await service.Admin.GetAsync(keysPath);
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(secret, listed);
        Assert.Contains(JsonNode.Parse(listed)!.AsArray(), k => k!["keyId"]!.GetValue<long>() == keyId && k["role"]!.GetValue<string>() == "admin");

        using (var works = await service.Client(secret).GetAsync("/api/jobs/configurations"))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        using (var revoked = await service.Admin.DeleteAsync($"{keysPath}/{keyId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var stopped = await service.Client(secret).GetAsync("/api/jobs/configurations");
        await stopped.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_is_idempotent_and_a_key_of_another_account_or_no_key_is_a_404()
    {
        var account = await service.NewAccountAsync();
        var other = await service.NewAccountAsync();
        var keyId = await KeyIdAsync(account.AccountId);

        using (var foreign = await service.Admin.DeleteAsync($"/api/admin/accounts/{other.AccountId}/keys/{keyId}"))
        {
            await foreign.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using (var missing = await service.Admin.DeleteAsync($"/api/admin/accounts/{account.AccountId}/keys/{long.MaxValue}"))
        {
            await missing.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using (var works = await account.Http.GetAsync("/api/jobs/configurations"))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        foreach (var attempt in new[] { 1, 2 })
        {
            using var revoked = await service.Admin.DeleteAsync($"/api/admin/accounts/{account.AccountId}/keys/{keyId}");
            Assert.True(revoked.StatusCode == HttpStatusCode.NoContent, $"revoke #{attempt}: {(int)revoked.StatusCode}");
        }
    }

    [Fact]
    public async Task Issuing_a_key_needs_a_known_role_name_and_account()
    {
        var account = await service.NewAccountAsync();

        using var badRole = await service.Admin.PostAsJsonAsync($"/api/admin/accounts/{account.AccountId}/keys", new { name = "x", role = "root" });
        var problem = await badRole.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["role"], problem.ErrorFields());

        using var noName = await service.Admin.PostAsJsonAsync($"/api/admin/accounts/{account.AccountId}/keys", new { role = "user" });
        Assert.Equal(["name"], (await noName.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var unknown = await service.Admin.PostAsJsonAsync($"/api/admin/accounts/{Guid.NewGuid()}/keys", new { name = "x", role = "user" });
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);

        using var unknownList = await service.Admin.GetAsync($"/api/admin/accounts/{Guid.NewGuid()}/keys");
        await unknownList.ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_api_keys WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task Activating_or_deactivating_an_unknown_account_is_a_404()
    {
        foreach (var action in new[] { "activate", "deactivate" })
        {
            using var response = await service.Admin.PostAsync($"/api/admin/accounts/{Guid.NewGuid()}/{action}", null);
            await response.ReadProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("%2e%2e")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("a%20b")]
    [InlineData("x'%20OR%20'1'='1")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Route_values_that_cannot_be_account_ids_are_404(string accountId)
    {
        var before = await service.Database.CountAsync("SELECT COUNT(*) FROM ssnews_api_keys");

        using var keys = await service.Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "x", role = "admin" });
        using var limits = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{accountId}/limits", new { jobsPerMinute = 1 });
        using var list = await service.Admin.GetAsync($"/api/admin/accounts/{accountId}/keys");

        Assert.Equal(HttpStatusCode.NotFound, keys.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, limits.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(before, await service.Database.CountAsync("SELECT COUNT(*) FROM ssnews_api_keys"));
    }

    [Fact]
    public async Task Usage_is_reported_for_an_account_and_across_accounts()
    {
        var account = await service.NewAccountAsync();
        await account.ExecuteAsync("blog_header", "a lighthouse at dusk");

        var today = DateTime.UtcNow.Date;
        using var daily = await service.Admin.GetAsync($"/api/admin/accounts/{account.AccountId}/usage");
        var report = await daily.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("day", report["query"]!["granularity"]!.GetValue<string>());
        Assert.Equal(account.AccountId, report["query"]!["accountId"]!.GetValue<string>());
        Assert.Equal(1, report["totals"]!["jobs"]!.GetValue<int>());
        var from = report["query"]!["from"]!.GetValue<DateTime>();
        var to = report["query"]!["to"]!.GetValue<DateTime>();
        Assert.InRange((to - from).TotalDays, 29.99, 30.01);

        var range = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&granularity=hour";
        using var hourly = await service.Admin.GetAsync($"/api/admin/accounts/{account.AccountId}/usage?{range}");
        var hours = await hourly.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("hour", hours["query"]!["granularity"]!.GetValue<string>());
        Assert.Equal(today.AddDays(1), hours["query"]!["to"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(1, hours["totals"]!["jobs"]!.GetValue<int>());

        using var all = await service.Admin.GetAsync("/api/admin/usage?from=" + today.AddDays(-2).ToString("yyyy-MM-dd") + "T00:00:00Z");
        var across = await all.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Null(across["query"]!["accountId"]);
        Assert.True(across["totals"]!["jobs"]!.GetValue<int>() >= 1);
    }

    [Theory]
    [InlineData("from=2025-03-10&to=2025-03-01", "to")]
    [InlineData("from=2024-01-01&to=2025-03-01", "to")]
    [InlineData("from=2025-01-01&to=2025-03-01&granularity=hour", "granularity")]
    [InlineData("granularity=week", "granularity")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-45", "to")]
    [InlineData("from=1900-01-01", "from")]
    public async Task Usage_ranges_that_make_no_sense_are_400_naming_the_parameter(string query, string field)
    {
        using var response = await service.Admin.GetAsync("/api/admin/usage?" + query);

        Assert.Contains(field, (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Usage_of_an_unknown_account_is_a_404()
    {
        using var response = await service.Admin.GetAsync($"/api/admin/accounts/{Guid.NewGuid()}/usage");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<long> KeyIdAsync(string accountId)
    {
        using var response = await service.Admin.GetAsync($"/api/admin/accounts/{accountId}/keys");
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).AsArray().Single()!["keyId"]!.GetValue<long>();
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
