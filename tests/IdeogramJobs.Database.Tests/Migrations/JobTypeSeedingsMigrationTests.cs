using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Database.Tests.Migrations;

/// <summary>M0017 on a database that already has accounts and job types from before it.</summary>
public sealed class JobTypeSeedingsMigrationTests : IAsyncLifetime
{
    // The social_media form as accounts were first seeded with it.
    private const string FirstSocialMediaSchema = """
        {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the social media graphic you want to generate..."},{"name":"customPromptAddition","type":"text","label":"Add to the prompt","placeholder":"e.g. with modern minimalist design"},{"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["1:1","4:5","9:16","16:9"],"default":"1:1"},{"name":"magicPrompt","type":"select","label":"Magic Prompt","options":["AUTO","ON","OFF"],"default":"AUTO"},{"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":4,"default":3}]}
        """;

    private const string EditedSchema = """{"fields":[{"name":"prompt","type":"textarea","label":"What to post","required":true}]}""";

    private readonly TestDatabase database = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.MigrateAsync();
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Only_forms_still_as_first_seeded_gain_style_codes_and_an_advanced_seed()
    {
        await InsertJobTypeAsync("untouched", "social_media", FirstSocialMediaSchema);
        await InsertJobTypeAsync("edited", "social_media", EditedSchema);

        await RerunM0017Async();

        var upgraded = Fields(await SchemaAsync("untouched", "social_media"));
        Assert.Contains("styleCodes", upgraded);
        Assert.Contains("seed", upgraded);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(EditedSchema), JsonNode.Parse(await SchemaAsync("edited", "social_media"))));
    }

    [Fact]
    public async Task Accounts_with_their_own_job_types_count_as_seeded_and_accounts_without_do_not()
    {
        await InsertJobTypeAsync("with-types", "posters", EditedSchema);
        await InsertJobTypeAsync("direct-only", "ideogram_direct", EditedSchema);

        await RerunM0017Async();

        Assert.Equal(
            ["with-types"],
            (await database.QueryAsync("SELECT account_id FROM ssnews_account_job_type_seedings ORDER BY account_id")).Select(row => row["account_id"]));
    }

    private async Task RerunM0017Async()
    {
        await database.ExecuteAsync("DROP TABLE ssnews_account_job_type_seedings; DELETE FROM ideogramjobs_schema_versions WHERE version = 17;");
        await database.MigrateAsync();
    }

    private Task InsertJobTypeAsync(string accountId, string name, string schema) =>
        database.ExecuteAsync($$"""
            INSERT INTO ssnews_job_configurations (account_id, job_type_name, display_name, default_settings, ui_schema)
            VALUES ('{{accountId}}', '{{name}}', 'A job type', '{"numImages":1}', '{{schema}}')
            """);

    private async Task<string> SchemaAsync(string accountId, string name) =>
        Assert.Single(await database.QueryAsync(
            $"SELECT ui_schema FROM ssnews_job_configurations WHERE account_id = '{accountId}' AND job_type_name = '{name}'"))["ui_schema"]!;

    private static List<string> Fields(string schema) =>
        [.. JsonNode.Parse(schema)!["fields"]!.AsArray().Select(field => field!["name"]!.GetValue<string>())];
}
