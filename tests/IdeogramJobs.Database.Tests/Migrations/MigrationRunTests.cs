using IdeogramJobs.Database.Migrations;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Database.Tests.Migrations;

public sealed class MigrationRunTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_empty_database_gets_every_table_the_service_needs()
    {
        await database.MigrateAsync();

        var tables = (await database.QueryAsync(
                $"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{database.Name}'"))
            .Select(r => r["TABLE_NAME"]).ToHashSet();
        foreach (var table in new[]
        {
            "ssnews_organizations", "ssnews_accounts", "ssnews_jobs", "ssnews_system_logs", "ssnews_image_assets",
            "ssnews_job_configurations", "ssnews_job_execution_settings", "ssnews_api_keys", "ssnews_account_job_limits",
            "ssnews_job_idempotency_keys", "ssnews_job_admission_rejections", "ideogram_brand_assets", "ideogram_brand_images",
            "OrleansQuery", "OrleansMembershipVersionTable", "OrleansMembershipTable", "OrleansStorage", "OrleansRemindersTable",
        })
        {
            Assert.Contains(table, tables);
        }

        Assert.Equal(MigrationSet.C360Req.Versions, await database.RecordedVersionsAsync(MigrationSet.C360Req));
        Assert.Equal(MigrationSet.Orleans.Versions, await database.RecordedVersionsAsync(MigrationSet.Orleans));
    }

    [Fact]
    public async Task Migrating_a_second_time_changes_nothing()
    {
        await database.MigrateAsync();
        var before = await SchemaSnapshot.TakeAsync(database);

        await database.MigrateAsync();

        Assert.Equal(before, await SchemaSnapshot.TakeAsync(database));
    }

    [Fact]
    public async Task Every_migration_is_idempotent_even_when_its_record_is_lost()
    {
        // The live database already has the tables but has never seen our version table.
        await database.MigrateAsync();
        var before = await SchemaSnapshot.TakeAsync(database);
        await database.ExecuteAsync("DROP TABLE ideogramjobs_schema_versions; DROP TABLE ideogramjobs_orleans_schema_versions;");

        await database.MigrateAsync();

        Assert.Equal(before, await SchemaSnapshot.TakeAsync(database));
        Assert.Equal(MigrationSet.C360Req.Versions, await database.RecordedVersionsAsync(MigrationSet.C360Req));
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_migration_once()
    {
        await Task.WhenAll(database.CreateMigrator().MigrateAsync(CancellationToken.None), database.CreateMigrator().MigrateAsync(CancellationToken.None));

        Assert.Equal(MigrationSet.C360Req.Versions, await database.RecordedVersionsAsync(MigrationSet.C360Req));
        Assert.Equal(MigrationSet.Orleans.Versions, await database.RecordedVersionsAsync(MigrationSet.Orleans));
    }

    [Fact]
    public async Task Image_jobs_have_their_own_job_type_and_images_link_to_their_job_once()
    {
        await database.MigrateAsync();
        await database.ExecuteAsync("""
            INSERT INTO ssnews_jobs (account_id, job_type) VALUES ('acc-1', 'image_generation');
            INSERT INTO ssnews_image_assets (account_id, associated_content_type, associated_content_id, source_api, sirv_cdn_url, job_id, image_index, generation_metadata)
            VALUES ('acc-1', 'ideogram_job', LAST_INSERT_ID(), 'ideogram', 'https://x/1.png', LAST_INSERT_ID(), 0, '{"seed": 1}');
            """);

        var duplicate = await Assert.ThrowsAsync<MySqlConnector.MySqlException>(() => database.ExecuteAsync("""
            INSERT INTO ssnews_image_assets (account_id, associated_content_type, associated_content_id, source_api, sirv_cdn_url, job_id, image_index)
            SELECT 'acc-1', 'ideogram_job', job_id, 'ideogram', 'https://x/other.png', job_id, 0 FROM ssnews_jobs
            """));
        Assert.Contains("uq_image_assets_job_image", duplicate.Message);
    }
}
