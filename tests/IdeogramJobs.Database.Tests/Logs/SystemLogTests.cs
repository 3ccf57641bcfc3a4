using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;

namespace IdeogramJobs.Database.Tests.Logs;

public sealed class SystemLogTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlSystemLog log = null!;
    private string accountId = null!;
    private long jobId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        log = new MySqlSystemLog(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
        jobId = await new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections)).CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, "blog_header"),
            JobTypeName = "blog_header",
            Prompt = "Autumn leaves",
            FinalSettings = new JobSettings(),
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Theory]
    [InlineData(SystemLogLevel.Info, "info")]
    [InlineData(SystemLogLevel.Warn, "warn")]
    [InlineData(SystemLogLevel.Error, "error")]
    [InlineData(SystemLogLevel.Debug, "debug")]
    public async Task A_job_step_is_logged_with_its_level_source_job_and_account(SystemLogLevel level, string expectedLevel)
    {
        await log.WriteAsync(level, "Attempt 1 of 3 started", jobId, accountId, """{"attempt":1}""", CancellationToken.None);

        var row = Assert.Single(await database.Database.QueryAsync("SELECT level, message, source, metadata, job_id, account_id FROM ssnews_system_logs"));
        Assert.Equal(expectedLevel, row["level"]);
        Assert.Equal("Attempt 1 of 3 started", row["message"]);
        Assert.Equal("ideogram-jobs", row["source"]);
        Assert.Equal("""{"attempt":1}""", row["metadata"]!.Replace(" ", string.Empty));
        Assert.Equal(jobId.ToString(), row["job_id"]);
        Assert.Equal(accountId, row["account_id"]);
    }

    [Fact]
    public async Task A_message_about_no_particular_job_is_logged_without_job_account_or_metadata()
    {
        await log.WriteAsync(SystemLogLevel.Warn, "Ideogram capacity exhausted", null, null, null, CancellationToken.None);

        var row = Assert.Single(await database.Database.QueryAsync("SELECT level, message, metadata, job_id, account_id FROM ssnews_system_logs"));
        Assert.Equal("warn", row["level"]);
        Assert.Equal("Ideogram capacity exhausted", row["message"]);
        Assert.Null(row["metadata"]);
        Assert.Null(row["job_id"]);
        Assert.Null(row["account_id"]);
    }

    [Fact]
    public async Task A_message_longer_than_the_text_column_is_logged_cut_rather_than_lost()
    {
        await log.WriteAsync(SystemLogLevel.Error, "Ideogram answered: " + new string('e', 80_000), jobId, accountId, null, CancellationToken.None);

        var message = Assert.Single(await database.Database.QueryAsync("SELECT message FROM ssnews_system_logs"))["message"]!;
        Assert.StartsWith("Ideogram answered: eee", message);
        Assert.True(message.Length < 80_000, $"{message.Length} characters");
    }

    [Fact]
    public async Task Lines_written_at_the_same_moment_are_all_in_the_table_each_with_its_own_fields()
    {
        var writes = Enumerable.Range(0, 500).Select(i => log.WriteAsync(
            i % 2 == 0 ? SystemLogLevel.Info : SystemLogLevel.Warn, $"step {i}", jobId, accountId, $$"""{"step":{{i}}}""", CancellationToken.None));

        await Task.WhenAll(writes);

        var rows = await database.Database.QueryAsync("SELECT level, message, metadata, job_id, account_id FROM ssnews_system_logs");
        Assert.Equal(500, rows.Count);
        Assert.All(rows, row =>
        {
            var step = int.Parse(row["message"]!["step ".Length..]);
            Assert.Equal(step % 2 == 0 ? "info" : "warn", row["level"]);
            Assert.Equal($$"""{"step":{{step}}}""", row["metadata"]!.Replace(" ", string.Empty));
            Assert.Equal(jobId.ToString(), row["job_id"]);
            Assert.Equal(accountId, row["account_id"]);
        });
        Assert.Equal(500, rows.Select(r => r["message"]).Distinct().Count());
    }

    [Fact]
    public async Task Long_lines_written_together_are_split_into_statements_the_server_accepts()
    {
        var writes = Enumerable.Range(0, 60).Select(i => log.WriteAsync(SystemLogLevel.Error, $"{i:D2} " + new string('x', 60_000), jobId, accountId, null, CancellationToken.None));

        await Task.WhenAll(writes);

        Assert.Equal(60, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_system_logs"));
    }

    [Fact]
    public async Task A_write_the_table_refuses_fails_its_caller_and_later_writes_still_land()
    {
        await database.Database.ExecuteAsync("ALTER TABLE ssnews_system_logs ADD CONSTRAINT test_no_doom CHECK (message <> 'doom')");

        await Assert.ThrowsAnyAsync<MySqlConnector.MySqlException>(() => log.WriteAsync(SystemLogLevel.Error, "doom", jobId, accountId, null, CancellationToken.None));
        await log.WriteAsync(SystemLogLevel.Info, "after", jobId, accountId, null, CancellationToken.None);

        Assert.Equal("after", Assert.Single(await database.Database.QueryAsync("SELECT message FROM ssnews_system_logs"))["message"]);
    }
}
