using IdeogramJobs.Testing;

namespace IdeogramJobs.Database.Tests.Migrations;

/// <summary>MySQL with sql_require_primary_key=ON (common on managed MySQL) refuses tables without a primary key.</summary>
public sealed class PrimaryKeyTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Every_table_the_migrations_create_has_a_primary_key()
    {
        await database.MigrateAsync();

        Assert.Empty(await TablesWithoutPrimaryKeyAsync());
    }

    [Fact]
    public async Task A_grain_storage_table_created_without_a_primary_key_gets_one_and_keeps_its_rows()
    {
        // A database migrated before the key existed: the table as 03 created it then, holding one grain's state.
        await database.MigrateAsync();
        await database.ExecuteAsync(
            "ALTER TABLE OrleansStorage DROP COLUMN StorageId; " +
            "INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, ServiceId, PayloadBinary, ModifiedOn, Version) " +
            "VALUES (1, 0, 42, 2, 'job', 'svc', '{}', UTC_TIMESTAMP(3), 3); " +
            "DELETE FROM ideogramjobs_orleans_schema_versions WHERE version = 6;");
        Assert.Contains("OrleansStorage", await TablesWithoutPrimaryKeyAsync());

        await database.MigrateAsync();

        Assert.Empty(await TablesWithoutPrimaryKeyAsync());
        Assert.Equal(1, await database.CountAsync("SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdN1 = 42 AND Version = 3 AND StorageId > 0"));
    }

    private async Task<List<string?>> TablesWithoutPrimaryKeyAsync() =>
        [.. (await database.QueryAsync(
                $"SELECT t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = '{database.Name}' AND t.TABLE_TYPE = 'BASE TABLE' " +
                "AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA " +
                "AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')"))
            .Select(row => row["TABLE_NAME"])];
}
