using System.Text.Json.Nodes;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Database.Tenancy;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests.Seeding;

public sealed class JobTypeSeedingTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private C360ReqDatabase connections = null!;
    private JobTypeSeeder seeder = null!;
    private AccountProvisioner provisioner = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.MigrateAsync();
        connections = new C360ReqDatabase(Options.Create(database.Options));
        seeder = new JobTypeSeeder(connections, NullLogger<JobTypeSeeder>.Instance);
        provisioner = new AccountProvisioner(connections, seeder);
    }

    public async Task DisposeAsync()
    {
        await connections.DisposeAsync();
        await database.DisposeAsync();
    }

    // The job-app specification's default settings, verbatim.
    public static TheoryData<string, string> SpecDefaults => new()
    {
        { "product_marketing", """{"styleType":"DESIGN","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":4,"colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}""" },
        { "social_media", """{"styleType":"DESIGN","aspectRatio":"1:1","magicPrompt":"AUTO","renderingSpeed":"FAST","numImages":3,"styleCodes":[],"negativePrompt":"text, watermark, copyright"}""" },
        { "blog_header", """{"styleType":"GENERAL","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,"negativePrompt":"people, faces, text"}""" },
        { "concept_illustration", """{"styleType":"GENERAL","aspectRatio":"4:3","magicPrompt":"AUTO","renderingSpeed":"SLOW","numImages":1,"styleCodes":[],"negativePrompt":"realistic, photographic, people"}""" },
        { "christian_content", """{"styleType":"REALISTIC","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,"negativePrompt":"Jesus face, crucifixes, catholic iconography, mystical symbols","colorPalette":{"members":["#8B4513","#F5DEB3","#87CEEB"]}}""" },
    };

    [Theory]
    [MemberData(nameof(SpecDefaults))]
    public async Task A_new_account_gets_each_specification_job_type_with_exactly_its_default_settings(string jobType, string expected)
    {
        var accountId = await NewAccountAsync("acme");

        var rows = await database.QueryAsync(
            $"SELECT default_settings, ui_schema, is_active FROM ssnews_job_configurations WHERE account_id = '{accountId}' AND job_type_name = '{jobType}'");

        var row = Assert.Single(rows);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(row["default_settings"]!)), $"{jobType}: {row["default_settings"]}");
        Assert.Equal("True", row["is_active"]);
        var fields = JsonNode.Parse(row["ui_schema"]!)!["fields"]!.AsArray();
        Assert.Equal("prompt", fields[0]!["name"]!.GetValue<string>());
        Assert.True(fields[0]!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_product_marketing_ui_schema_is_the_specification_example_with_a_seed_under_advanced()
    {
        var accountId = await NewAccountAsync("acme");

        var schema = JsonNode.Parse((await database.QueryAsync(
            $"SELECT ui_schema FROM ssnews_job_configurations WHERE account_id = '{accountId}' AND job_type_name = 'product_marketing'"))[0]["ui_schema"]!);

        var expected = JsonNode.Parse("""
            {"fields":[
              {"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the product marketing image you want to generate..."},
              {"name":"styleType","type":"select","label":"Style Type","options":["AUTO","GENERAL","REALISTIC","DESIGN"],"default":"DESIGN"},
              {"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["1:1","16:9","9:16","4:3","3:4"],"default":"16:9"},
              {"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":8,"default":4},
              {"name":"seed","type":"number","label":"Seed","min":0,"max":2147483647,
               "helpText":"Leave empty for a new image each time; reuse a seed to repeat one.","group":"advanced"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, schema), schema!.ToJsonString());
    }

    [Fact]
    public async Task Seeding_again_leaves_an_account_with_one_set_of_job_types()
    {
        var accountId = await NewAccountAsync("acme");

        Assert.False(await seeder.SeedIfNoneAsync(accountId, CancellationToken.None));
        await NewAccountAsync("acme");

        Assert.Equal(5, await database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = '{accountId}'"));
        Assert.Equal(
            ["product_marketing", "social_media", "blog_header", "concept_illustration", "christian_content"],
            (await database.QueryAsync($"SELECT job_type_name FROM ssnews_job_configurations WHERE account_id = '{accountId}' ORDER BY execution_order")).Select(r => r["job_type_name"]));
    }

    [Fact]
    public async Task The_seed_command_covers_only_accounts_without_job_types()
    {
        var seeded = await NewAccountAsync("seeded");
        await database.ExecuteAsync($"""
            INSERT INTO ssnews_accounts (account_id, organization_id, name, slug)
            SELECT 'legacy-account', organization_id, 'Legacy', 'legacy' FROM ssnews_accounts WHERE account_id = '{seeded}'
            """);

        Assert.Equal(1, await seeder.SeedAccountsWithoutJobTypesAsync(CancellationToken.None));

        Assert.Equal(5, await database.CountAsync("SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = 'legacy-account'"));
        Assert.Equal(10, await database.CountAsync("SELECT COUNT(*) FROM ssnews_job_configurations"));
    }

    [Fact]
    public async Task An_api_key_is_stored_only_as_its_hash()
    {
        var accountId = await NewAccountAsync("acme");
        var key = ApiKey.Generate();

        await provisioner.AddApiKeyAsync(accountId, "ci", key, IdeogramJobs.Contracts.Admin.ApiKeyRole.User, CancellationToken.None);

        var row = Assert.Single(await database.QueryAsync($"SELECT key_prefix, key_hash FROM ssnews_api_keys WHERE account_id = '{accountId}'"));
        Assert.Equal(ApiKey.Hash(key), row["key_hash"]);
        Assert.StartsWith(ApiKey.Prefix, row["key_prefix"]);
        Assert.DoesNotContain(key, string.Join(",", row.Values));
        Assert.Equal(0, await database.CountAsync($"SELECT COUNT(*) FROM ssnews_api_keys WHERE key_hash = '{key}' OR key_prefix = '{key}'"));
    }

    private async Task<string> NewAccountAsync(string slug)
    {
        var organizationId = await provisioner.EnsureOrganizationAsync("org-" + slug, "Org " + slug, CancellationToken.None);
        return await provisioner.EnsureAccountAsync(organizationId, slug, "Account " + slug, CancellationToken.None);
    }
}
