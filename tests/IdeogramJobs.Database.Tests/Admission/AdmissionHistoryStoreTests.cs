using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Admission;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Admission;

public sealed class AdmissionHistoryStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = new(2025, 3, 1, 12, 0, 0, 500, TimeSpan.Zero);

    private readonly StoreTestDatabase database = new();
    private MySqlJobStore jobs = null!;
    private MySqlAdmissionHistoryStore store = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        jobs = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections));
        store = new MySqlAdmissionHistoryStore(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Jobs_and_their_images_are_counted_in_the_last_minute_the_last_day_and_since_midnight()
    {
        var inLastMinute = await CreateAsync(accountId, numImages: 4, createdAt: "2025-03-01 11:59:30");
        await CreateAsync(accountId, numImages: 2, createdAt: "2025-03-01 11:59:00");
        var cancelled = await CreateAsync(accountId, numImages: null, createdAt: "2025-03-01 11:58:59");
        await jobs.CancelAsync(cancelled, CancellationToken.None);
        await CreateAsync(accountId, numImages: 3, createdAt: "2025-02-28 23:00:00");
        await CreateAsync(accountId, numImages: 5, createdAt: "2025-02-28 12:00:00");
        await CreateAsync(accountId, numImages: 6, createdAt: "2025-02-28 11:59:59");

        // Only the settings the job was admitted with say how many images it asked for.
        await database.Database.ExecuteAsync($$"""
            INSERT INTO ssnews_job_execution_settings (job_id, config_id, final_settings)
            SELECT job_id, config_id, '{"numImages": 8}' FROM ssnews_job_execution_settings WHERE job_id = {{inLastMinute}}
            """);

        var history = await store.ReadAsync(accountId, AsOf, CancellationToken.None);

        // 11:59:00 and 2025-02-28 12:00:00 may hold a job created up to 0.999 s later: they count, on the safe side.
        Assert.Equal(new AdmissionHistory(AsOf, JobsLastMinute: 2, ImagesLastMinute: 6, JobsLastDay: 5, ImagesLastDay: 15, ImagesSinceMidnight: 7), history);
    }

    [Fact]
    public async Task Other_accounts_jobs_and_the_older_systems_jobs_are_not_counted()
    {
        var otherAccount = await database.CreateAccountAsync("globex");
        await CreateAsync(otherAccount, numImages: 4, createdAt: "2025-03-01 11:59:30");
        var older = await database.InsertOlderSystemJobAsync(accountId, "content_generation", "queued");
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET created_at = '2025-03-01 11:59:30' WHERE job_id = {older}");

        Assert.Equal(AdmissionHistory.None(AsOf), await store.ReadAsync(accountId, AsOf, CancellationToken.None));
        Assert.Equal(1, (await store.ReadAsync(otherAccount, AsOf, CancellationToken.None)).JobsLastMinute);
    }

    [Fact]
    public async Task A_job_created_just_now_counts_in_the_last_minute_as_of_the_service_clock()
    {
        await jobs.CreateAsync(NewJob(accountId, await database.ConfigIdAsync(accountId, "blog_header"), numImages: 3), CancellationToken.None);

        var history = await store.ReadAsync(accountId, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal((1, 3, 1, 3), (history.JobsLastMinute, history.ImagesLastMinute, history.JobsLastDay, history.ImagesLastDay));
    }

    private async Task<long> CreateAsync(string account, int? numImages, string createdAt)
    {
        var jobId = await jobs.CreateAsync(NewJob(account, await database.ConfigIdAsync(account, "blog_header"), numImages), CancellationToken.None);
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET created_at = '{createdAt}' WHERE job_id = {jobId}");
        return jobId;
    }

    private static NewJob NewJob(string account, int configId, int? numImages) => new()
    {
        AccountId = account,
        ConfigId = configId,
        JobTypeName = "blog_header",
        Prompt = "A quiet library",
        FinalSettings = new JobSettings { StyleType = "GENERAL", NumImages = numImages },
    };
}
