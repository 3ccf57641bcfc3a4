using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Jobs;

/// <summary>Every write of an attempt is conditional on its token: a stale attempt cannot change a row another owns.</summary>
public sealed class AttemptOwnershipTests : IAsyncLifetime
{
    private const string First = "11111111111111111111111111111111";
    private const string Second = "22222222222222222222222222222222";

    private readonly StoreTestDatabase database = new();
    private MySqlJobStore store = null!;
    private MySqlImageAssetStore images = null!;
    private string accountId = null!;
    private long jobId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        images = new MySqlImageAssetStore(database.Connections);
        store = new MySqlJobStore(database.Connections, images);
        accountId = await database.CreateAccountAsync("acme");
        jobId = await store.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, "social_media"),
            JobTypeName = "social_media",
            Prompt = "A harvest festival poster",
            FinalSettings = new JobSettings { NumImages = 2 },
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_second_attempt_cannot_claim_a_row_another_attempt_owns()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));
        var before = await database.JobRowAsync(jobId);

        Assert.False(await ClaimAsync(Second, "silo-2"));

        Assert.Equal(before, await database.JobRowAsync(jobId));
        Assert.Equal(First, (await store.GetAsync(jobId, CancellationToken.None))!.AttemptToken);
    }

    [Fact]
    public async Task After_a_take_over_nothing_the_stale_attempt_writes_changes_the_row_or_its_images()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));
        Assert.True(await store.TakeOverAsync(jobId, First, "silo-1 died", DateTime.UtcNow.AddMinutes(5), CancellationToken.None));
        Assert.True(await ClaimAsync(Second, "silo-2"));
        Assert.True(await store.SaveGenerationAsync(jobId, Second, Generation("https://ideogram.example/second.png"), CancellationToken.None));
        Assert.NotNull(await images.RecordAsync(Image(0, Second), CancellationToken.None));
        var row = await database.JobRowAsync(jobId);
        var imageRows = await database.Database.QueryAsync("SELECT * FROM ssnews_image_assets");
        var generation = await store.GetGenerationAsync(jobId, CancellationToken.None);

        Assert.False(await store.UpdateProgressAsync(jobId, First, 80, "stale progress", CancellationToken.None));
        Assert.False(await store.SaveGenerationAsync(jobId, First, Generation("https://ideogram.example/stale.png"), CancellationToken.None));
        Assert.Null(await images.RecordAsync(Image(0, First) with { Url = "https://cdn.example/stale.png" }, CancellationToken.None));
        Assert.False(await store.DiscardGenerationAsync(jobId, First, CancellationToken.None));
        Assert.False(await store.RecordSetbackAsync(jobId, First, Setback(), CancellationToken.None));
        Assert.False((await store.CompleteAsync(jobId, First, "{}", CancellationToken.None)).Ended);
        Assert.False((await store.FailAsync(jobId, First, 1, "stale failure", CancellationToken.None)).Ended);
        Assert.False(await store.ReleaseClaimAsync(jobId, First, CancellationToken.None));

        Assert.Equal(row, await database.JobRowAsync(jobId));
        Assert.Equal(imageRows, await database.Database.QueryAsync("SELECT * FROM ssnews_image_assets"));
        Assert.Equal(generation!.Images, (await store.GetGenerationAsync(jobId, CancellationToken.None))!.Images);
    }

    [Fact]
    public async Task A_take_over_counts_an_interruption_not_a_retry_and_notes_how_long_the_lost_call_may_run()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));
        var busyUntil = new DateTime(2030, 1, 1, 0, 5, 0, DateTimeKind.Utc);

        Assert.True(await store.TakeOverAsync(jobId, First, "silo-1 died", busyUntil, CancellationToken.None));

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Processing, job.Status);
        Assert.Null(job.AttemptToken);
        Assert.Null(job.WorkerId);
        Assert.Equal(1, job.Interruptions);
        Assert.Equal(0, job.RetryCount);
        var now = busyUntil.AddMinutes(-5);
        Assert.Equal(
            [new CapacityClaim(jobId, accountId, 2, CapacityClaimKind.Abandoned, now, busyUntil)],
            await store.ListCapacityClaimsAsync(now, ProviderKeyIdentity.Service, CancellationToken.None));
        Assert.False(await store.TakeOverAsync(jobId, First, "again", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancel_wins_over_the_running_attempt_whose_later_writes_all_fail()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));

        Assert.True((await store.CancelAsync(jobId, CancellationToken.None)).Ended);

        Assert.False(await store.UpdateProgressAsync(jobId, First, 50, "still going", CancellationToken.None));
        Assert.False(await store.SaveGenerationAsync(jobId, First, Generation("https://ideogram.example/late.png"), CancellationToken.None));
        Assert.False(await store.RecordSetbackAsync(jobId, First, Setback(), CancellationToken.None));
        Assert.False((await store.CompleteAsync(jobId, First, "{}", CancellationToken.None)).Ended);
        Assert.False(await ClaimAsync(Second, "silo-2"));
        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.AttemptToken);
        Assert.False(job.HasGeneration);
    }

    [Fact]
    public async Task A_setback_frees_the_row_and_keeps_the_backoff_for_whichever_silo_runs_the_next_attempt()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));

        Assert.True(await store.RecordSetbackAsync(jobId, First, Setback(), CancellationToken.None));

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal((1, 2, "Ideogram answered 503"), (job.RetryCount, job.Interruptions, job.ErrorMessage));
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), job.NextAttemptAt);
        Assert.Null(job.AttemptToken);
        Assert.True(await ClaimAsync(Second, "silo-2"));
        Assert.Null((await store.GetAsync(jobId, CancellationToken.None))!.NextAttemptAt);
    }

    [Fact]
    public async Task Ideograms_answer_is_kept_and_a_new_one_removes_the_images_of_the_earlier_generation()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));
        var first = new SavedGeneration(
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
            [
                new SavedGenerationImage("https://ideogram.example/a.png", "Enhanced: poster", "1024x1024", 7, "GENERAL", true),
                new SavedGenerationImage(null, "Enhanced: poster", "1024x1024", 8, "GENERAL", false),
                new SavedGenerationImage("https://ideogram.example/c.png", "Enhanced: poster", "1024x1024", 9, "GENERAL", true),
            ]);
        Assert.True(await store.SaveGenerationAsync(jobId, First, first, CancellationToken.None));
        await images.RecordAsync(Image(0, First), CancellationToken.None);
        await images.RecordAsync(Image(2, First), CancellationToken.None);
        Assert.Equal(first.Created, (await store.GetGenerationAsync(jobId, CancellationToken.None))!.Created);
        Assert.Equal(first.Images, (await store.GetGenerationAsync(jobId, CancellationToken.None))!.Images);
        Assert.True((await store.GetAsync(jobId, CancellationToken.None))!.HasGeneration);

        Assert.True(await store.DiscardGenerationAsync(jobId, First, CancellationToken.None));
        Assert.True(await store.SaveGenerationAsync(jobId, First, Generation("https://ideogram.example/only.png"), CancellationToken.None));

        Assert.Empty(await images.ListForJobAsync(jobId, CancellationToken.None));
        Assert.Single((await store.GetGenerationAsync(jobId, CancellationToken.None))!.Images);
    }

    [Fact]
    public async Task A_claim_given_back_before_anything_reached_Ideogram_leaves_a_fresh_job_queued_and_a_retried_one_processing()
    {
        Assert.True(await ClaimAsync(First, "silo-1"));

        Assert.True(await store.ReleaseClaimAsync(jobId, First, CancellationToken.None));

        var fresh = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal((JobStatus.Queued, null, null), (fresh.Status, fresh.AttemptToken, fresh.StartedAt));
        Assert.True(await ClaimAsync(Second, "silo-1"));
        Assert.True(await store.RecordSetbackAsync(jobId, Second, Setback(), CancellationToken.None));
        Assert.True(await ClaimAsync(First, "silo-2"));
        Assert.True(await store.ReleaseClaimAsync(jobId, First, CancellationToken.None));
        var retried = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal((JobStatus.Processing, null), (retried.Status, retried.AttemptToken));
        Assert.NotNull(retried.StartedAt);
    }

    [Fact]
    public async Task A_manual_retry_starts_the_counts_backoff_and_dispatch_afresh()
    {
        Assert.True(await store.MarkDispatchedAsync(jobId, DateTime.UtcNow, CancellationToken.None));
        Assert.True(await ClaimAsync(First, "silo-1"));
        Assert.True(await store.RecordSetbackAsync(jobId, First, Setback(), CancellationToken.None));
        Assert.True((await store.FailAsync(jobId, null, 3, "gave up", CancellationToken.None)).Ended);

        Assert.True(await store.RequeueAsync(jobId, CancellationToken.None));

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Equal((0, 0), (job.RetryCount, job.Interruptions));
        Assert.Null(job.NextAttemptAt);
        Assert.Null(job.DispatchedAt);
    }

    private Task<bool> ClaimAsync(string token, string worker) =>
        store.ClaimAttemptAsync(jobId, new AttemptClaim(token, worker, DateTime.UtcNow.AddMinutes(5), "generating"), CancellationToken.None);

    private static SavedGeneration Generation(string url) =>
        new(DateTimeOffset.UtcNow, [new SavedGenerationImage(url, "poster", "1024x1024", 1, "GENERAL", true)]);

    private static AttemptSetback Setback() => new()
    {
        RetryCount = 1,
        Interruptions = 2,
        ErrorMessage = "Ideogram answered 503",
        ProgressDetails = "retrying",
        NextAttemptAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private NewImageAsset Image(int index, string token) => new()
    {
        AccountId = accountId,
        JobId = jobId,
        Index = index,
        Url = $"https://cdn.example/{jobId}/{index}.png",
        StoragePath = $"/ideogram/{jobId}/{index}.png",
        Generation = Generations.Example,
        AttemptToken = token,
    };
}
