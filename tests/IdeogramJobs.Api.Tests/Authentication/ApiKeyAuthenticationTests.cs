using System.Net;
using System.Net.Http.Json;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Authentication;

[Collection(ServiceCollection.Name)]
public sealed class ApiKeyAuthenticationTests(ServiceFixture service)
{
    private const string AccountEndpoint = "/api/jobs/configurations";

    [Fact]
    public async Task A_request_without_a_key_is_a_401_problem_with_a_bearer_challenge()
    {
        using var response = await service.Anonymous().GetAsync(AccountEndpoint);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_key_is_a_401_problem_saying_the_key_is_not_known()
    {
        using var response = await service.Client("ijk_" + Guid.NewGuid().ToString("N")).GetAsync(AccountEndpoint);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Equal("The API key is not known or has been revoked.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_in_the_X_Api_Key_header_is_accepted_like_a_bearer_key()
    {
        var account = await service.NewAccountAsync();
        using var client = service.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", account.Key);

        using var response = await client.GetAsync(AccountEndpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_different_keys_in_the_two_headers_are_refused()
    {
        var account = await service.NewAccountAsync();
        using var client = service.Client(account.Key);
        client.DefaultRequestHeaders.Add("X-Api-Key", service.AdminKey);

        using var response = await client.GetAsync(AccountEndpoint);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("different keys", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Account_keys_of_either_role_are_403_problems_on_service_administration()
    {
        var user = await service.NewAccountAsync("user");
        var admin = await service.NewAccountAsync("admin");

        foreach (var account in new[] { user, admin })
        {
            using var list = await account.Http.GetAsync("/api/admin/accounts");
            var problem = await list.ReadProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("Service administration needs the service admin key.", problem["detail"]!.GetValue<string>());

            using var issue = await account.Http.PostAsJsonAsync($"/api/admin/accounts/{account.AccountId}/keys", new { name = "escalation", role = "admin" });
            await issue.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_api_keys WHERE account_id = '{user.AccountId}'"));
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var account = await service.NewAccountAsync();
        using (var before = await account.Http.GetAsync(AccountEndpoint))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var keyId = (await KeysAsync(account.AccountId)).Single()!["keyId"]!.GetValue<long>();
        using (var revoked = await service.Admin.DeleteAsync($"/api/admin/accounts/{account.AccountId}/keys/{keyId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var after = await account.Http.GetAsync(AccountEndpoint);
        await after.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.NotNull((await KeysAsync(account.AccountId)).Single()!["revokedAt"]);
    }

    [Fact]
    public async Task A_key_of_a_deactivated_account_is_a_403_saying_so_until_the_account_is_activated()
    {
        var account = await service.NewAccountAsync();
        using (var warm = await account.Http.GetAsync(AccountEndpoint))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        using (var deactivated = await service.Admin.PostAsync($"/api/admin/accounts/{account.AccountId}/deactivate", null))
        {
            Assert.False((await deactivated.ReadJsonAsync(HttpStatusCode.OK))["isActive"]!.GetValue<bool>());
        }

        using (var refused = await account.Http.GetAsync(AccountEndpoint))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("deactivated", problem["detail"]!.GetValue<string>());
        }

        using (var options = await account.Http.GetAsync("/api/ideogram/v3/options"))
        {
            await options.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var activated = await service.Admin.PostAsync($"/api/admin/accounts/{account.AccountId}/activate", null))
        {
            Assert.True((await activated.ReadJsonAsync(HttpStatusCode.OK))["isActive"]!.GetValue<bool>());
        }

        using var again = await account.Http.GetAsync(AccountEndpoint);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_admin_key_acts_on_the_account_named_by_X_Account_Id_and_only_then()
    {
        var account = await service.NewAccountAsync();

        using var named = AdminActingOn(account.AccountId);
        var page = await (await named.GetAsync(AccountEndpoint)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(page["items"]!.AsArray(), item => Assert.Equal(account.AccountId, item!["accountId"]!.GetValue<string>()));
        Assert.NotEmpty(page["items"]!.AsArray());

        using var unnamed = await service.Admin.GetAsync(AccountEndpoint);
        Assert.Contains("X-Account-Id", (await unnamed.ReadProblemAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());

        foreach (var bad in new[] { "../1", "x' OR '1'='1", new string('a', 65) })
        {
            using var client = AdminActingOn(bad);
            using var response = await client.GetAsync(AccountEndpoint);
            Assert.Contains("X-Account-Id", (await response.ReadProblemAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
        }

        using var unknown = AdminActingOn(Guid.NewGuid().ToString());
        using var unknownResponse = await unknown.GetAsync(AccountEndpoint);
        Assert.Contains("No account", (await unknownResponse.ReadProblemAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_key_cannot_choose_another_account_with_X_Account_Id()
    {
        var mine = await service.NewAccountAsync();
        var other = await service.NewAccountAsync();
        using var client = service.Client(mine.Key);
        client.DefaultRequestHeaders.Add("X-Account-Id", other.AccountId);

        var page = await (await client.GetAsync(AccountEndpoint)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.All(page["items"]!.AsArray(), item => Assert.Equal(mine.AccountId, item!["accountId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var account = await service.NewAccountAsync();
        using (var response = await account.Http.GetAsync(AccountEndpoint))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.NotNull((await KeysAsync(account.AccountId)).Single()!["lastUsedAt"]);
    }

    [Fact]
    public async Task Keys_never_appear_in_the_services_output()
    {
        var account = await service.NewAccountAsync("admin");
        var wrongKey = "ijk_wrong_" + Guid.NewGuid().ToString("N");
        using (var wrong = await service.Client(wrongKey).GetAsync(AccountEndpoint))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var admin = await service.Admin.GetAsync("/api/admin/accounts"))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        using (var used = await account.Http.PostAsync($"{AccountEndpoint}/1/settings/override", JsonContent.Create(new { numImages = 2 })))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, used.StatusCode);
        }

        var output = service.Output;
        Assert.DoesNotContain(service.AdminKey, output);
        Assert.DoesNotContain(account.Key, output);
        Assert.DoesNotContain(wrongKey, output);
    }

    [Fact]
    public async Task The_api_refuses_to_start_with_a_short_admin_key_naming_the_variable_but_not_the_key()
    {
        const string shortKey = "short-admin-key-123";
        await using var api = ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = service.Database.Url,
            ["API_PORT"] = FreePort.Next().ToString(),
            ["ADMIN_API_KEY"] = shortKey,
        });

        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(60), "the API to stop over a short ADMIN_API_KEY");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ADMIN_API_KEY must be at least 24 characters", api.Output);
        Assert.DoesNotContain(shortKey, api.Output);
    }

    private HttpClient AdminActingOn(string accountId)
    {
        var client = service.Client(service.AdminKey);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Account-Id", accountId);
        return client;
    }

    private async Task<System.Text.Json.Nodes.JsonArray> KeysAsync(string accountId)
    {
        using var response = await service.Admin.GetAsync($"/api/admin/accounts/{accountId}/keys");
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).AsArray();
    }
}
