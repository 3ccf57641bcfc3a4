using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Jobs;

public sealed class UnfinishedJobTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlJobStore store = null!;
    private string accountId = null!;
    private int configId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections));
        accountId = await database.CreateAccountAsync("acme");
        configId = await database.ConfigIdAsync(accountId, "blog_header");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Queued_and_processing_jobs_come_back_by_priority_then_age_with_their_image_counts()
    {
        var lowOld = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:00");
        var high = await CreateAsync(priority: 5, numImages: 4, createdAt: "2025-03-01 10:00:09");
        var lowNew = await CreateAsync(priority: 0, numImages: null, createdAt: "2025-03-01 10:00:05");
        var lowOldest = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 09:59:00");
        Assert.True(await store.ClaimAttemptAsync(lowNew, Claim("silo-1"), CancellationToken.None));

        var unfinished = await store.ListUnfinishedAsync(accountId, CancellationToken.None);

        Assert.Equal(
            [
                new UnfinishedJob(high, JobStatus.Queued, 5, new DateTime(2025, 3, 1, 10, 0, 9, DateTimeKind.Utc), 4, Dispatched: false),
                new UnfinishedJob(lowOldest, JobStatus.Queued, 0, new DateTime(2025, 3, 1, 9, 59, 0, DateTimeKind.Utc), 1, Dispatched: false),
                new UnfinishedJob(lowOld, JobStatus.Queued, 0, new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc), 2, Dispatched: false),
                new UnfinishedJob(lowNew, JobStatus.Processing, 0, new DateTime(2025, 3, 1, 10, 0, 5, DateTimeKind.Utc), 1, Dispatched: true),
            ],
            unfinished);
        Assert.All(unfinished, j => Assert.Equal(DateTimeKind.Utc, j.CreatedAt.Kind));
    }

    [Fact]
    public async Task Finished_jobs_other_accounts_and_the_older_systems_jobs_are_not_listed()
    {
        var queued = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:00");
        var completed = await CreateAsync(priority: 9, numImages: 2, createdAt: "2025-03-01 10:00:00");
        await store.ClaimAttemptAsync(completed, Claim("silo-1"), CancellationToken.None);
        await store.CompleteAsync(completed, Token, "{}", CancellationToken.None);
        await store.FailAsync(await CreateAsync(priority: 9, numImages: 2, createdAt: "2025-03-01 10:00:00"), null, 0, "bad", CancellationToken.None);
        await store.CancelAsync(await CreateAsync(priority: 9, numImages: 2, createdAt: "2025-03-01 10:00:00"), CancellationToken.None);
        var otherAccount = await database.CreateAccountAsync("globex");
        await store.CreateAsync(new NewJob
        {
            AccountId = otherAccount,
            ConfigId = await database.ConfigIdAsync(otherAccount, "blog_header"),
            JobTypeName = "blog_header",
            Prompt = "Not yours",
            FinalSettings = new JobSettings(),
        }, CancellationToken.None);
        var olderQueued = await database.InsertOlderSystemJobAsync(accountId, "content_generation", "queued");
        var olderProcessing = await database.InsertOlderSystemJobAsync(accountId, "full_cycle", "processing");
        var olderRows = new[] { await database.JobRowAsync(olderQueued), await database.JobRowAsync(olderProcessing) };

        var unfinished = await store.ListUnfinishedAsync(accountId, CancellationToken.None);

        Assert.Equal([queued], unfinished.Select(j => j.JobId));
        Assert.Equal(olderRows, new[] { await database.JobRowAsync(olderQueued), await database.JobRowAsync(olderProcessing) });
    }

    [Fact]
    public async Task Capacity_claims_list_attempts_under_way_abandoned_calls_and_waiting_jobs_in_the_order_they_asked_but_not_jobs_in_backoff()
    {
        var now = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var running = await CreateAsync(priority: 0, numImages: 3, createdAt: "2025-03-01 10:00:00");
        await store.ClaimAttemptAsync(running, Claim("S127.0.0.1:11111:1") with { Deadline = now.AddMinutes(6) }, CancellationToken.None);
        var waitingSecond = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:01");
        await store.MarkDispatchedAsync(waitingSecond, now.AddSeconds(-5), CancellationToken.None);
        var waitingFirst = await CreateAsync(priority: 0, numImages: 4, createdAt: "2025-03-01 10:00:02");
        await store.MarkDispatchedAsync(waitingFirst, now.AddSeconds(-9), CancellationToken.None);
        var abandoned = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 10:00:03");
        await store.NoteProviderBusyAsync(abandoned, now.AddMinutes(2), CancellationToken.None);
        await store.CancelAsync(abandoned, CancellationToken.None);
        var busyEnded = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 10:00:04");
        await store.NoteProviderBusyAsync(busyEnded, now.AddMinutes(-1), CancellationToken.None);
        var answered = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:05");
        await store.ClaimAttemptAsync(answered, Claim("S127.0.0.1:11111:1"), CancellationToken.None);
        await store.SaveGenerationAsync(answered, Token, new SavedGeneration(now, []), CancellationToken.None);
        await CreateAsync(priority: 0, numImages: 4, createdAt: "2025-03-01 10:00:06");
        var inBackoff = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:07");
        await store.MarkDispatchedAsync(inBackoff, now.AddSeconds(-20), CancellationToken.None);
        await store.ClaimAttemptAsync(inBackoff, Claim("S127.0.0.1:11111:1") with { Token = "fedcba9876543210fedcba9876543210" }, CancellationToken.None);
        await store.RecordSetbackAsync(inBackoff, "fedcba9876543210fedcba9876543210", new AttemptSetback
        {
            RetryCount = 1,
            Interruptions = 0,
            ErrorMessage = "503",
            ProgressDetails = "retrying",
            NextAttemptAt = now.AddMinutes(1),
        }, CancellationToken.None);

        var claims = await store.ListCapacityClaimsAsync(now, ProviderKeyIdentity.Service, CancellationToken.None);

        Assert.Equal(
            [
                new CapacityClaim(running, accountId, 3, CapacityClaimKind.Running, now, now.AddMinutes(6)) { AttemptToken = Token },
                new CapacityClaim(abandoned, accountId, 1, CapacityClaimKind.Abandoned, now, now.AddMinutes(2)),
                new CapacityClaim(waitingFirst, accountId, 4, CapacityClaimKind.Waiting, now.AddSeconds(-9), null),
                new CapacityClaim(waitingSecond, accountId, 2, CapacityClaimKind.Waiting, now.AddSeconds(-5), null),
            ],
            claims.OrderBy(c => c.Kind).ThenBy(c => c.Since));
    }

    [Fact]
    public async Task A_job_waiting_for_capacity_counts_as_dispatched_for_its_account()
    {
        var waiting = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:00");
        var pending = await CreateAsync(priority: 0, numImages: 2, createdAt: "2025-03-01 10:00:01");
        await store.MarkDispatchedAsync(waiting, DateTime.UtcNow, CancellationToken.None);

        var unfinished = await store.ListUnfinishedAsync(accountId, CancellationToken.None);

        Assert.Equal([(waiting, true), (pending, false)], unfinished.Select(j => (j.JobId, j.Dispatched)));
    }

    [Fact]
    public async Task Recent_one_attempt_jobs_tell_how_long_a_call_takes_newest_first()
    {
        var older = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 10:00:00");
        var retried = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 10:00:01");
        var newer = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 10:00:02");
        var running = await CreateAsync(priority: 0, numImages: 1, createdAt: "2025-03-01 10:00:03");
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET status = 'completed', started_at = '2025-03-01 10:01:00', completed_at = '2025-03-01 10:01:12' WHERE job_id = {older}");
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET status = 'completed', retry_count = 1, started_at = '2025-03-01 10:01:00', completed_at = '2025-03-01 10:09:00' WHERE job_id = {retried}");
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET status = 'completed', started_at = '2025-03-01 10:02:00', completed_at = '2025-03-01 10:02:31' WHERE job_id = {newer}");
        Assert.True(await store.ClaimAttemptAsync(running, Claim("silo-1"), CancellationToken.None));

        var durations = await store.ListRecentCallDurationsAsync(10, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(12)], durations);
    }

    private const string Token = "0123456789abcdef0123456789abcdef";

    private static AttemptClaim Claim(string worker) => new(Token, worker, DateTime.UtcNow.AddMinutes(5), "Started");

    private async Task<long> CreateAsync(int priority, int? numImages, string createdAt)
    {
        var jobId = await store.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = configId,
            JobTypeName = "blog_header",
            Prompt = "A quiet library",
            Priority = priority,
            FinalSettings = new JobSettings { StyleType = "GENERAL", NumImages = numImages },
        }, CancellationToken.None);
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET created_at = '{createdAt}' WHERE job_id = {jobId}");
        return jobId;
    }
}
