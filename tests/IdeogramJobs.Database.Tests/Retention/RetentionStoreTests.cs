using IdeogramJobs.Contracts.Retention;
using IdeogramJobs.Database.Retention;

namespace IdeogramJobs.Database.Tests.Retention;

public sealed class RetentionStoreTests : IAsyncLifetime
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateTime Old = Now.AddDays(-400);
    private static readonly RetentionPolicy Policy = new()
    {
        RejectedImageDays = 30,
        JobHistoryDays = 180,
        SystemLogDays = 180,
        IdempotencyKeyHours = 24,
        AdmissionRejectionDays = 30,
    };

    private readonly StoreTestDatabase database = new();
    private MySqlRetentionStore store = null!;
    private ImageJobRows rows = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlRetentionStore(database.Connections);
        rows = new ImageJobRows(database);
        accountId = await database.CreateAccountAsync("keeper");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Old_finished_jobs_are_deleted_in_batches_with_their_images_and_style_references_and_nothing_else()
    {
        var oldJobs = new List<long>();
        foreach (var status in new[] { "completed", "failed", "cancelled", "completed", "completed" })
        {
            var job = await rows.CreateJobAsync(accountId, "blog_header");
            await rows.SetJobAsync(job, status, Old, Old, Old);
            await rows.AddImageAsync(accountId, job, 0);
            oldJobs.Add(job);
        }

        await database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_job_style_references (job_id, image_index, file_name, content_type, sha256, content)
            VALUES ({oldJobs[0]}, 0, 'ref.png', 'image/png', REPEAT('a', 64), x'89504E47')
            """);
        var oldButRunning = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobAsync(oldButRunning, "processing", Old, Old);
        var oldButQueued = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobAsync(oldButQueued, "queued", Old);
        var recent = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobAsync(recent, "completed", Now.AddDays(-1), Now.AddDays(-1), Now.AddDays(-1));
        var olderSystemJob = await database.InsertOlderSystemJobAsync(accountId, "content_generation", "completed");
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET created_at = {ImageJobRows.Sql(Old)}, completed_at = {ImageJobRows.Sql(Old)} WHERE job_id = {olderSystemJob}");
        var cutoff = RetentionCutoffs.From(Policy, Now);

        var counted = await store.CountAsync(accountId, cutoff, CancellationToken.None);
        var first = await store.DeleteJobsAsync(accountId, cutoff.Jobs, 2, CancellationToken.None);
        var second = await store.DeleteJobsAsync(accountId, cutoff.Jobs, 2, CancellationToken.None);
        var third = await store.DeleteJobsAsync(accountId, cutoff.Jobs, 2, CancellationToken.None);
        var fourth = await store.DeleteJobsAsync(accountId, cutoff.Jobs, 2, CancellationToken.None);

        Assert.Equal([2, 2, 1, 0], new[] { first.Jobs, second.Jobs, third.Jobs, fourth.Jobs });
        Assert.Equal(5, first.Images.Count + second.Images.Count + third.Images.Count);
        Assert.Equal(1, first.StyleReferences + second.StyleReferences + third.StyleReferences);
        Assert.Equal(5, Count(counted, RetentionKind.Jobs));
        Assert.Equal(5, Count(counted, RetentionKind.JobImages));
        Assert.Equal(1, Count(counted, RetentionKind.StyleReferences));
        Assert.Equal(0, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id IN ({string.Join(",", oldJobs)})"));
        Assert.Equal(0, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE account_id = '{accountId}'"));
        Assert.Equal(0, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_style_references"));
        Assert.Equal(4, await database.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id IN ({oldButRunning}, {oldButQueued}, {recent}, {olderSystemJob})"));
    }

    [Fact]
    public async Task Only_old_rejected_images_are_deleted_from_jobs_that_stay()
    {
        var job = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobAsync(job, "completed", Now.AddDays(-60), Now.AddDays(-60), Now.AddDays(-60));
        var oldRejected = await rows.AddImageAsync(accountId, job, 0);
        var oldApproved = await rows.AddImageAsync(accountId, job, 1);
        var recentRejected = await rows.AddImageAsync(accountId, job, 2);
        await database.Database.ExecuteAsync($"UPDATE ssnews_image_assets SET status = 'rejected' WHERE image_id IN ({oldRejected}, {recentRejected})");
        await database.Database.ExecuteAsync($"UPDATE ssnews_image_assets SET status = 'approved' WHERE image_id = {oldApproved}");
        await rows.SetImageCreatedAtAsync(oldRejected, Now.AddDays(-60));
        await rows.SetImageCreatedAtAsync(oldApproved, Now.AddDays(-60));
        var cutoff = RetentionCutoffs.From(Policy, Now);

        var counted = await store.CountAsync(accountId, cutoff, CancellationToken.None);
        var deleted = await store.DeleteRejectedImagesAsync(accountId, cutoff.RejectedImages, 500, CancellationToken.None);
        var jobs = await store.DeleteJobsAsync(accountId, cutoff.Jobs, 500, CancellationToken.None);

        Assert.Equal(oldRejected, Assert.Single(deleted).ImageId);
        Assert.Equal($"/ideogram/{job}/0.png", deleted[0].StoragePath);
        Assert.Equal(1, Count(counted, RetentionKind.RejectedImages));
        Assert.Equal(0, Count(counted, RetentionKind.Jobs));
        Assert.Equal(0, jobs.Jobs);
        Assert.Equal(2, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE image_id IN ({oldApproved}, {recentRejected})"));
    }

    [Fact]
    public async Task Old_logs_keys_and_admission_rejections_go_in_batches_of_the_limit_and_recent_ones_stay()
    {
        var job = await rows.CreateJobAsync(accountId, "blog_header");
        var recentJob = await rows.CreateJobAsync(accountId, "blog_header");
        for (var i = 0; i < 5; i++)
        {
            await database.Database.ExecuteAsync($"""
                INSERT INTO ssnews_system_logs (timestamp, level, message, source, account_id) VALUES ({ImageJobRows.Sql(Old)}, 'info', 'old {i}', 'test', '{accountId}');
                INSERT INTO ssnews_job_admission_rejections (account_id, limit_name, occurred_at) VALUES ('{accountId}', 'jobs_per_minute', {ImageJobRows.Sql(Old)});
                """);
        }

        await database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_system_logs (level, message, source, account_id) VALUES ('info', 'recent', 'test', '{accountId}');
            INSERT INTO ssnews_job_admission_rejections (account_id, limit_name) VALUES ('{accountId}', 'jobs_per_minute');
            INSERT INTO ssnews_job_idempotency_keys (account_id, idempotency_key, job_id, created_at) VALUES ('{accountId}', 'old-key', {job}, {ImageJobRows.Sql(Now.AddHours(-25))});
            INSERT INTO ssnews_job_idempotency_keys (account_id, idempotency_key, job_id) VALUES ('{accountId}', 'recent-key', {recentJob});
            """);
        var cutoff = RetentionCutoffs.From(Policy, Now);

        var counted = await store.CountAsync(accountId, cutoff, CancellationToken.None);
        var logBatches = new[]
        {
            await store.DeleteSystemLogsAsync(accountId, cutoff.SystemLogs, 2, CancellationToken.None),
            await store.DeleteSystemLogsAsync(accountId, cutoff.SystemLogs, 2, CancellationToken.None),
            await store.DeleteSystemLogsAsync(accountId, cutoff.SystemLogs, 2, CancellationToken.None),
        };
        var rejections = await store.DeleteAdmissionRejectionsAsync(accountId, cutoff.AdmissionRejections, 500, CancellationToken.None);
        var keys = await store.DeleteIdempotencyKeysAsync(accountId, cutoff.IdempotencyKeys, 500, CancellationToken.None);

        Assert.Equal([2, 2, 1], logBatches);
        Assert.Equal(5, Count(counted, RetentionKind.SystemLogs));
        Assert.Equal(5, rejections);
        Assert.Equal(5, Count(counted, RetentionKind.AdmissionRejections));
        Assert.Equal(1, keys);
        Assert.Equal(1, Count(counted, RetentionKind.IdempotencyKeys));
        Assert.Equal(Old.Date, counted.Single(c => c.Kind == RetentionKind.SystemLogs).Oldest!.Value.Date);
        Assert.Equal(1, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_system_logs WHERE account_id = '{accountId}'"));
        Assert.Equal(1, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_admission_rejections WHERE account_id = '{accountId}'"));
        Assert.Equal("recent-key", (await database.Database.QueryAsync($"SELECT idempotency_key FROM ssnews_job_idempotency_keys WHERE account_id = '{accountId}'")).Single()["idempotency_key"]);
    }

    [Fact]
    public async Task An_accounts_override_is_saved_and_read_back_with_unset_periods_left_null()
    {
        await store.SetOverrideAsync(accountId, new RetentionOverride { JobHistoryDays = 7 }, CancellationToken.None);
        await store.SetOverrideAsync(accountId, new RetentionOverride { JobHistoryDays = 9, IdempotencyKeyHours = 2 }, CancellationToken.None);

        var saved = await store.GetOverrideAsync(accountId, CancellationToken.None);

        Assert.Equal(new RetentionOverride { JobHistoryDays = 9, IdempotencyKeyHours = 2 }, saved);
        Assert.Null(await store.GetOverrideAsync("no-such-account", CancellationToken.None));
    }

    private static long Count(IReadOnlyList<RetentionCount> counts, RetentionKind kind) => counts.Single(c => c.Kind == kind).Count;
}
