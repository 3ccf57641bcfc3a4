using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Configurations;

/// <summary>
/// The default job types: what their forms offer, that a job type read back and saved again keeps every
/// setting, and that accounts from before seeding get them on first use, once.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class SeededJobTypesTests(ServiceFixture service)
{
    private const string Base = JobTypeRequests.Base;

    [Theory]
    [InlineData("product_marketing", false)]
    [InlineData("social_media", true)]
    [InlineData("blog_header", false)]
    [InlineData("concept_illustration", true)]
    [InlineData("christian_content", false)]
    public async Task Every_seeded_form_offers_a_seed_under_advanced_and_style_codes_where_the_defaults_carry_them(string jobType, bool offersStyleCodes)
    {
        var account = await service.NewAccountAsync();
        var configId = await account.ConfigIdAsync(jobType);

        var fields = (await (await account.Http.GetAsync($"{Base}/{configId}/ui-schema")).ReadJsonAsync(HttpStatusCode.OK))["fields"]!.AsArray();
        var settings = await (await account.Http.GetAsync($"{Base}/{configId}/settings")).ReadJsonAsync(HttpStatusCode.OK);

        var seed = Assert.Single(fields, field => field!["name"]!.GetValue<string>() == "seed")!;
        Assert.Equal("advanced", seed["group"]!.GetValue<string>());
        Assert.Equal(offersStyleCodes, fields.Any(field => field!["name"]!.GetValue<string>() == "styleCodes"));
        Assert.Equal(offersStyleCodes, settings.AsObject().ContainsKey("styleCodes"));
    }

    [Fact]
    public async Task A_user_may_set_the_seed_and_style_codes_the_seeded_form_offers()
    {
        var account = await service.NewAccountAsync("user");
        var configId = await account.ConfigIdAsync("social_media");

        using var response = await account.Http.PostAsJsonAsync($"{Base}/{configId}/settings/override", new { seed = 42, styleCodes = new[] { "1A2B3C4D" } });

        var final = (await response.ReadJsonAsync(HttpStatusCode.OK))["finalSettings"]!;
        Assert.Equal(42, final["seed"]!.GetValue<long>());
        Assert.Equal(["1A2B3C4D"], final["styleCodes"]!.AsArray().Select(code => code!.GetValue<string>()));
    }

    [Fact]
    public async Task A_job_type_read_and_put_back_keeps_every_setting_the_form_does_not_show()
    {
        var account = await service.NewAccountAsync("admin");
        var draft = JobTypeRequests.Draft(JobTypeRequests.UniqueName());
        draft["defaultSettings"] = JsonNode.Parse("""
            {"styleType":"GENERAL","magicPrompt":"OFF","renderingSpeed":"DEFAULT","numImages":2,"seed":12345,
             "resolution":"1024x1024","stylePreset":"BRIGHT_ART","styleCodes":[],
             "colorPalette":{"members":[{"color":"#1B365D","weight":0.7},"#FFFFFF"]}}
            """);
        using var created = await account.Http.PostAsJsonAsync(Base, draft);
        var stored = await created.ReadJsonAsync(HttpStatusCode.Created);
        var configId = stored["configId"]!.GetValue<int>();

        // PUT replaces the whole job type: the body is a job type as GET returns it, less the members the service owns.
        var body = stored.DeepClone().AsObject();
        foreach (var owned in new[] { "configId", "accountId", "createdAt", "updatedAt" })
        {
            body.Remove(owned);
        }

        body["description"] = "Edited description only";
        using var replaced = await account.Http.PutAsJsonAsync($"{Base}/{configId}", body);
        await replaced.ReadJsonAsync(HttpStatusCode.OK);

        var after = await (await account.Http.GetAsync($"{Base}/{configId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Edited description only", after["description"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(stored["defaultSettings"], after["defaultSettings"]), after["defaultSettings"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(stored["uiSchema"], after["uiSchema"]), after["uiSchema"]!.ToJsonString());
    }

    [Fact]
    public async Task A_put_replaces_the_whole_job_type_so_a_setting_left_out_is_removed()
    {
        var account = await service.NewAccountAsync("admin");
        var name = JobTypeRequests.UniqueName();
        var draft = JobTypeRequests.Draft(name);
        draft["defaultSettings"]!["seed"] = 7;
        using var created = await account.Http.PostAsJsonAsync(Base, draft);
        var configId = (await created.ReadJsonAsync(HttpStatusCode.Created))["configId"]!.GetValue<int>();

        using var replaced = await account.Http.PutAsJsonAsync($"{Base}/{configId}", JobTypeRequests.Draft(name));

        var after = await replaced.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(after["defaultSettings"]!.AsObject().ContainsKey("seed"), after["defaultSettings"]!.ToJsonString());
    }

    [Fact]
    public async Task Ten_concurrent_first_uses_of_an_account_without_job_types_end_with_exactly_the_five()
    {
        var account = await AccountWithoutJobTypesAsync(seeded: false);

        var lists = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            // Half list the job types, half submit a job: either is a first use.
            if (i % 2 == 0)
            {
                using var listed = await account.Http.GetAsync(Base);
                return (await listed.ReadJsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>();
            }

            using var submitted = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "A first-use header " + i });
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            return 5;
        }));

        Assert.All(lists, total => Assert.Equal(5, total));
        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
    }

    [Fact]
    public async Task An_account_seeded_before_that_deleted_every_job_type_keeps_none()
    {
        var account = await AccountWithoutJobTypesAsync(seeded: true);

        using var listed = await account.Http.GetAsync(Base);
        using var submitted = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "Should find no job type" });

        Assert.Equal(0, (await listed.ReadJsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        Assert.Equal(0, await service.CountConfigurationsAsync(account.AccountId));
    }

    /// <summary>
    /// An account with no job types and no use yet: as accounts were before the service seeded them
    /// (<paramref name="seeded"/> false), or one that was given them and deleted them all.
    /// </summary>
    private async Task<TestAccount> AccountWithoutJobTypesAsync(bool seeded)
    {
        var account = await service.NewAccountAsync("admin");
        await service.Database.ExecuteAsync($"DELETE FROM ssnews_job_configurations WHERE account_id = '{account.AccountId}'");
        if (!seeded)
        {
            await service.Database.ExecuteAsync($"DELETE FROM ssnews_account_job_type_seedings WHERE account_id = '{account.AccountId}'");
        }

        return account;
    }
}
