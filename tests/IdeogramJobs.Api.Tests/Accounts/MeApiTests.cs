using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Accounts;

[Collection(ServiceCollection.Name)]
public sealed class MeApiTests(ServiceFixture service)
{
    [Fact]
    public async Task A_user_key_sees_its_account_its_role_the_limits_in_force_and_todays_usage()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("product_marketing", "a kettle to count", new { numImages = 2 });
        await account.WaitForAsync(jobId, "completed");

        var me = JsonNode.Parse(await account.Http.GetStringAsync("/api/me"))!;

        Assert.Equal(account.AccountId, me["accountId"]!.GetValue<string>());
        Assert.StartsWith("Account acct-", me["accountName"]!.GetValue<string>());
        Assert.Equal("user", me["role"]!.GetValue<string>());
        Assert.False(me["may"]!["editJobTypes"]!.GetValue<bool>());
        Assert.False(me["may"]!["editBrandLibrary"]!.GetValue<bool>());
        Assert.True(me["may"]!["runJobs"]!.GetValue<bool>());
        Assert.Equal(5, me["limits"]!["maxConcurrentJobs"]!.GetValue<int>());
        Assert.NotNull(me["limits"]!["dailyImageQuota"]);
        Assert.Null(me["limitOverrides"]!["maxConcurrentJobs"]);
        Assert.Equal(1, me["usageToday"]!["jobs"]!.GetValue<int>());
        Assert.Equal(2, me["usageToday"]!["images"]!.GetValue<int>());
        Assert.Equal(0, me["usageToday"]!["inFlight"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_account_admin_key_may_edit_job_types_and_sees_the_accounts_own_limits()
    {
        var account = await service.NewAccountAsync("admin");
        using (var set = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/limits", new { maxConcurrentJobs = 2 }))
        {
            Assert.True(set.IsSuccessStatusCode, $"setting limits: {(int)set.StatusCode} {await set.Content.ReadAsStringAsync()}");
        }

        var me = JsonNode.Parse(await account.Http.GetStringAsync("/api/me"))!;

        Assert.Equal("account-admin", me["role"]!.GetValue<string>());
        Assert.True(me["may"]!["editJobTypes"]!.GetValue<bool>());
        Assert.True(me["may"]!["editBrandLibrary"]!.GetValue<bool>());
        Assert.False(me["may"]!["administerService"]!.GetValue<bool>());
        Assert.Equal(2, me["limits"]!["maxConcurrentJobs"]!.GetValue<int>());
        Assert.Equal(2, me["limitOverrides"]!["maxConcurrentJobs"]!.GetValue<int>());
        Assert.Equal(0, me["usageToday"]!["jobs"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_service_admin_key_answers_for_the_account_it_names()
    {
        var account = await service.NewAccountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("X-Account-Id", account.AccountId);

        using var response = await service.Admin.SendAsync(request);

        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(account.AccountId, me["accountId"]!.GetValue<string>());
        Assert.Equal("service-admin", me["role"]!.GetValue<string>());
        Assert.True(me["may"]!["administerService"]!.GetValue<bool>());
    }
}
