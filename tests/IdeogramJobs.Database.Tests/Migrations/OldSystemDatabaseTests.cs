using IdeogramJobs.Testing;

namespace IdeogramJobs.Database.Tests.Migrations;

public sealed class OldSystemDatabaseTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    public static TheoryData<string, string> ImageAssetVariants => new()
    {
        { "status", OldSystemSchema.ImageAssetsWithStatus },
        { "is_approved_human", OldSystemSchema.ImageAssetsWithApprovalFlag },
    };

    [Theory]
    [MemberData(nameof(ImageAssetVariants))]
    public async Task Every_row_the_old_system_wrote_reads_back_unchanged(string variant, string imageAssets)
    {
        await database.ExecuteAsync(OldSystemSchema.Tables + imageAssets + OldSystemSchema.Rows);
        var before = new Dictionary<string, List<Dictionary<string, string?>>>();
        foreach (var table in OldSystemSchema.TablesWithRows)
        {
            before[table] = await database.QueryAsync($"SELECT * FROM {table} ORDER BY 1");
        }

        await database.MigrateAsync();

        foreach (var table in OldSystemSchema.TablesWithRows)
        {
            var after = await database.QueryAsync($"SELECT * FROM {table} ORDER BY 1");
            Assert.True(before[table].Count == after.Count, $"{table} ({variant}): row count changed");
            for (var i = 0; i < after.Count; i++)
            {
                foreach (var (column, value) in before[table][i])
                {
                    Assert.True(after[i][column] == value, $"{table} ({variant}) row {i} column {column}: '{value}' became '{after[i][column]}'");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ImageAssetVariants))]
    public async Task Old_databases_gain_the_columns_and_values_image_jobs_need(string variant, string imageAssets)
    {
        await database.ExecuteAsync(OldSystemSchema.Tables + imageAssets + OldSystemSchema.Rows);

        await database.MigrateAsync();

        var jobTypes = await database.QueryAsync(
            $"SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{database.Name}' AND TABLE_NAME = 'ssnews_jobs' AND COLUMN_NAME = 'job_type'");
        Assert.Equal("enum('content_generation','full_cycle','news_aggregation','ai_analysis','url_analysis','image_generation')", jobTypes[0]["COLUMN_TYPE"]);

        var statuses = await database.QueryAsync("SELECT sirv_cdn_url, status, job_id, generation_metadata FROM ssnews_image_assets ORDER BY image_id");
        Assert.Equal(["approved", variant == "status" ? "rejected" : "pending_review"], statuses.Select(r => r["status"]));
        Assert.All(statuses, r => Assert.Null(r["job_id"]));

        var logColumns = await database.QueryAsync("SELECT job_id, account_id FROM ssnews_system_logs");
        Assert.Equal(2, logColumns.Count);

        // The older system's workers only claim their own job types; an image job row sits beside theirs.
        await database.ExecuteAsync("INSERT INTO ssnews_jobs (account_id, job_type) VALUES ('acc-old', 'image_generation')");
        Assert.Equal(1, await database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs WHERE job_type = 'image_generation'"));
    }
}
