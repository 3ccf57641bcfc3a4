using System.Text.Json.Nodes;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace IdeogramJobs.Database.Tests.Seeding;

/// <summary>Accounts that existed before the seeder ran get the default job types when they are first used, once.</summary>
public sealed class FirstUseSeedingTests : IAsyncLifetime
{
    private readonly StoreTestDatabase store = new();
    private JobTypeSeeder seeder = null!;

    private TestDatabase Database => store.Database;

    public async Task InitializeAsync()
    {
        await store.InitializeAsync();
        seeder = new JobTypeSeeder(store.Connections, NullLogger<JobTypeSeeder>.Instance);
    }

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Ten_concurrent_first_uses_of_an_account_without_job_types_give_it_the_five_once()
    {
        var accountId = await AccountNeverSeededAsync("legacy");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => seeder.SeedOnFirstUseAsync(accountId, CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(seeded => seeded));
        Assert.Equal(
            ["product_marketing", "social_media", "blog_header", "concept_illustration", "christian_content"],
            (await Database.QueryAsync($"SELECT job_type_name FROM ssnews_job_configurations WHERE account_id = '{accountId}' ORDER BY execution_order"))
                .Select(row => row["job_type_name"]));
        Assert.Equal(1, await Database.CountAsync($"SELECT COUNT(*) FROM ssnews_account_job_type_seedings WHERE account_id = '{accountId}'"));
    }

    [Fact]
    public async Task An_account_that_deleted_all_its_job_types_keeps_none()
    {
        var accountId = await store.CreateAccountAsync("tidy");
        await Database.ExecuteAsync($"DELETE FROM ssnews_job_configurations WHERE account_id = '{accountId}'");

        Assert.False(await seeder.SeedOnFirstUseAsync(accountId, CancellationToken.None));

        Assert.Equal(0, await Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = '{accountId}'"));
    }

    [Fact]
    public async Task First_use_adds_the_defaults_beside_a_direct_generation_type_the_service_made_itself()
    {
        var accountId = await AccountNeverSeededAsync("direct");
        await Database.ExecuteAsync($$"""
            INSERT INTO ssnews_job_configurations (account_id, job_type_name, display_name, default_settings, ui_schema)
            VALUES ('{{accountId}}', 'ideogram_direct', 'Direct', '{"numImages":1}', '{"fields":[]}')
            """);

        Assert.True(await seeder.SeedOnFirstUseAsync(accountId, CancellationToken.None));

        Assert.Equal(6, await Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = '{accountId}'"));
    }

    [Theory]
    [InlineData("product_marketing", false)]
    [InlineData("social_media", true)]
    [InlineData("blog_header", false)]
    [InlineData("concept_illustration", true)]
    [InlineData("christian_content", false)]
    public async Task Seeded_forms_offer_a_seed_under_advanced_and_style_codes_where_the_defaults_carry_them(string jobType, bool styleCodes)
    {
        var accountId = await store.CreateAccountAsync("forms");

        var row = Assert.Single(await Database.QueryAsync(
            $"SELECT default_settings, ui_schema FROM ssnews_job_configurations WHERE account_id = '{accountId}' AND job_type_name = '{jobType}'"));

        var fields = JsonNode.Parse(row["ui_schema"]!)!["fields"]!.AsArray();
        var seed = Assert.Single(fields, field => field!["name"]!.GetValue<string>() == "seed")!;
        Assert.Equal("advanced", seed["group"]!.GetValue<string>());
        Assert.Equal("number", seed["type"]!.GetValue<string>());
        Assert.Equal(styleCodes, fields.Any(field => field!["name"]!.GetValue<string>() == "styleCodes"));
        Assert.Equal(styleCodes, JsonNode.Parse(row["default_settings"]!)!.AsObject().ContainsKey("styleCodes"));
    }

    /// <summary>An account as it was before accounts were seeded on creation: no job types, never recorded as seeded.</summary>
    private async Task<string> AccountNeverSeededAsync(string slug)
    {
        var accountId = await store.CreateAccountAsync(slug);
        await Database.ExecuteAsync($"""
            DELETE FROM ssnews_job_configurations WHERE account_id = '{accountId}';
            DELETE FROM ssnews_account_job_type_seedings WHERE account_id = '{accountId}';
            """);
        return accountId;
    }
}
