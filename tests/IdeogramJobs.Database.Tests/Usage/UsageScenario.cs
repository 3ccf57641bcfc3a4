namespace IdeogramJobs.Database.Tests.Usage;

/// <summary>
/// A scripted two days (2025-03-01 and 02, UTC) of two accounts' image jobs, images and refused
/// submissions, plus rows just outside the range and an older-system job that must not count.
/// Generation times are whole seconds so the expected percentiles are exact.
/// </summary>
public sealed class UsageScenario : IAsyncLifetime
{
    public static readonly DateTime From = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime To = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);

    public StoreTestDatabase Database { get; } = new();

    public string AccountA { get; private set; } = null!;

    public string AccountB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        AccountA = await Database.CreateAccountAsync("acme");
        AccountB = await Database.CreateAccountAsync("globex");
        var rows = new ImageJobRows(Database);

        // Account A, day 1: two completed (10 s, 20 s) in the 09:00 hour, one failed at 14:05.
        await JobAsync(rows, AccountA, "social_media", "completed", At(1, 9, 10), At(1, 9, 10), At(1, 9, 10, 10), retries: 0, images: 2);
        await JobAsync(rows, AccountA, "social_media", "completed", At(1, 9, 40), At(1, 9, 40, 5), At(1, 9, 40, 25), retries: 1, images: 1);
        await JobAsync(rows, AccountA, "blog_header", "failed", At(1, 14, 5), At(1, 14, 5, 1), At(1, 14, 6), retries: 3, images: 0);
        // Account A, day 2: completed (30 s) and cancelled in the 08:00 hour, queued in the last second of the range.
        await JobAsync(rows, AccountA, "social_media", "completed", At(2, 8, 0), At(2, 8, 0), At(2, 8, 0, 30), retries: 0, images: 1);
        await JobAsync(rows, AccountA, "blog_header", "cancelled", At(2, 8, 30), null, At(2, 8, 31), retries: 0, images: 0);
        await JobAsync(rows, AccountA, "social_media", "queued", At(2, 23, 59, 59), null, null, retries: 0, images: 0);
        // Account A, just outside [From, To).
        await JobAsync(rows, AccountA, "social_media", "completed", From.AddSeconds(-1), From.AddSeconds(-1), From.AddSeconds(4), retries: 2, images: 1);
        await JobAsync(rows, AccountA, "social_media", "queued", To, null, null, retries: 0, images: 0);
        var olderSystemJob = await Database.InsertOlderSystemJobAsync(AccountA, "content_generation", "completed");
        await Database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET created_at = {ImageJobRows.Sql(At(1, 10, 0))}, retry_count = 3 WHERE job_id = {olderSystemJob}");

        // Account B: completed (40 s) on day 1 at 09:15, failed on day 2 at 10:00.
        await JobAsync(rows, AccountB, "product_marketing", "completed", At(1, 9, 15), At(1, 9, 15), At(1, 9, 15, 40), retries: 2, images: 4);
        await JobAsync(rows, AccountB, "blog_header", "failed", At(2, 10, 0), At(2, 10, 0), At(2, 10, 1), retries: 1, images: 0);

        await Database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_job_admission_rejections (account_id, limit_name, job_type_name, occurred_at) VALUES
                ('{AccountA}', 'jobs_per_minute', 'social_media', '2025-03-01 09:20:00.250'),
                ('{AccountA}', 'jobs_per_minute', NULL, '2025-03-01 09:21:30.000'),
                ('{AccountA}', 'daily_image_quota', 'social_media', '2025-03-02 08:05:00.000'),
                ('{AccountA}', 'jobs_per_minute', NULL, '2025-02-28 23:59:59.999'),
                ('{AccountA}', 'jobs_per_minute', NULL, '2025-03-03 00:00:00.000'),
                ('{AccountB}', 'images_per_minute', 'product_marketing', '2025-03-01 10:00:00.000');
            """);
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    public static DateTime At(int day, int hour, int minute, int second = 0) => new(2025, 3, day, hour, minute, second, DateTimeKind.Utc);

    private static async Task JobAsync(
        ImageJobRows rows, string accountId, string jobTypeName, string status,
        DateTime createdAt, DateTime? startedAt, DateTime? completedAt, int retries, int images)
    {
        var jobId = await rows.CreateJobAsync(accountId, jobTypeName);
        for (var index = 0; index < images; index++)
        {
            await rows.AddImageAsync(accountId, jobId, index);
        }

        await rows.SetJobAsync(jobId, status, createdAt, startedAt, completedAt, retries);
    }
}
