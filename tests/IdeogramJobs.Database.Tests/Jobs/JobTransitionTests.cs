using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Jobs;

public sealed class JobTransitionTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlJobStore store = null!;
    private string accountId = null!;
    private int configId;

    public static TheoryData<JobStatus> TerminalStates => new() { JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled };

    public static TheoryData<JobStatus> UnfinishedStates => new() { JobStatus.Queued, JobStatus.Processing };

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections));
        accountId = await database.CreateAccountAsync("acme");
        configId = await database.ConfigIdAsync(accountId, "social_media");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    private const string Token = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Marking_a_queued_job_processing_records_the_worker_start_time_and_details()
    {
        var jobId = await JobInAsync(JobStatus.Queued);

        Assert.True(await ClaimAsync(jobId, "silo-1", "Generating 3 images"));

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Processing, job.Status);
        Assert.Equal("silo-1", job.WorkerId);
        Assert.Equal("Generating 3 images", job.ProgressDetails);
        Assert.Equal(DateTimeKind.Utc, job.StartedAt!.Value.Kind);
        Assert.InRange(job.StartedAt.Value, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2));
    }

    [Fact]
    public async Task A_job_resumed_on_another_worker_keeps_its_first_start_time()
    {
        var jobId = await JobInAsync(JobStatus.Processing);
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET started_at = '2024-01-02 03:04:05' WHERE job_id = {jobId}");

        Assert.True(await store.TakeOverAsync(jobId, Token, "silo-1 died", providerBusyUntil: null, CancellationToken.None));
        Assert.True(await ClaimAsync(jobId, "silo-2", "Resumed", token: "fedcba9876543210fedcba9876543210"));

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal("silo-2", job.WorkerId);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), job.StartedAt);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public async Task A_finished_job_cannot_be_marked_processing(JobStatus state)
    {
        var jobId = await JobInAsync(state);
        var before = await database.JobRowAsync(jobId);

        Assert.False(await ClaimAsync(jobId, "silo-9", "Again"));

        Assert.Equal(before, await database.JobRowAsync(jobId));
    }

    [Fact]
    public async Task Completing_a_processing_job_stores_results_and_clears_the_error()
    {
        var jobId = await JobInAsync(JobStatus.Processing);
        await store.RecordSetbackAsync(jobId, await OwnerAsync(jobId) ?? Token, Setback(1, "Ideogram answered 503", "Retrying"), CancellationToken.None);
        Assert.True(await ClaimAsync(jobId, "silo-2", "Attempt 2", token: "fedcba9876543210fedcba9876543210"));

        Assert.True((await store.CompleteAsync(jobId, await OwnerAsync(jobId) ?? Token, """{"images":[{"index":0}]}""", CancellationToken.None)).Ended);

        var row = await database.JobRowAsync(jobId);
        Assert.Equal("completed", row["status"]);
        Assert.Equal("100", row["progress_percentage"]);
        Assert.Null(row["error_message"]);
        Assert.NotNull(row["completed_at"]);
        Assert.Contains("\"index\"", row["results"]);
        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(1, job.RetryCount);
        Assert.InRange(job.CompletedAt!.Value, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2));
    }

    [Fact]
    public async Task Ending_a_job_answers_with_the_money_its_row_then_holds_and_a_refused_end_says_so()
    {
        var jobId = await store.CreateAsync(JobOf(images: 2) with { Estimate = new CostEstimate { PerImage = 0.06m, Images = 2, Total = 0.12m } }, CancellationToken.None);
        Assert.True(await ClaimAsync(jobId, "silo-1", "Started"));
        var oneImage = new SavedGeneration(DateTimeOffset.UtcNow, [new SavedGenerationImage("https://ideogram.example/1.png", "poster", "1024x1024", 1, "GENERAL", true)]);
        Assert.True(await store.SaveGenerationAsync(jobId, Token, oneImage, CancellationToken.None));

        var end = await store.CompleteAsync(jobId, Token, """{"images":[{"index":0}]}""", CancellationToken.None);

        Assert.True(end.Ended);
        Assert.Equal(new JobCost { EstimateUsd = 0.12m, CostUsd = 0.06m, BilledUsd = 0.06m }, end.Cost);
        var refused = await store.CancelAsync(jobId, CancellationToken.None);
        Assert.False(refused.Ended);
        Assert.Equal("completed", (await database.JobRowAsync(jobId))["status"]);
    }

    [Theory]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Cancelled)]
    public async Task Only_a_processing_job_can_complete_and_a_refused_completion_changes_nothing(JobStatus state)
    {
        var jobId = await JobInAsync(state);
        var before = await database.JobRowAsync(jobId);

        Assert.False((await store.CompleteAsync(jobId, await OwnerAsync(jobId) ?? Token, """{"images":[]}""", CancellationToken.None)).Ended);

        Assert.Equal(before, await database.JobRowAsync(jobId));
    }

    [Theory]
    [MemberData(nameof(UnfinishedStates))]
    public async Task An_unfinished_job_can_fail_with_its_reason_and_retry_count(JobStatus state)
    {
        var jobId = await JobInAsync(state);

        Assert.True((await store.FailAsync(jobId, await OwnerAsync(jobId), 3, "Ideogram refused the prompt as unsafe", CancellationToken.None)).Ended);

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("Ideogram refused the prompt as unsafe", job.ErrorMessage);
        Assert.Equal(3, job.RetryCount);
        Assert.NotNull(job.CompletedAt);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public async Task A_finished_job_cannot_fail(JobStatus state)
    {
        var jobId = await JobInAsync(state);
        var before = await database.JobRowAsync(jobId);

        Assert.False((await store.FailAsync(jobId, await OwnerAsync(jobId), 9, "late failure", CancellationToken.None)).Ended);

        Assert.Equal(before, await database.JobRowAsync(jobId));
    }

    [Theory]
    [MemberData(nameof(UnfinishedStates))]
    public async Task An_unfinished_job_can_be_cancelled(JobStatus state)
    {
        var jobId = await JobInAsync(state);

        Assert.True((await store.CancelAsync(jobId, CancellationToken.None)).Ended);

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.NotNull(job.CompletedAt);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public async Task A_finished_job_cannot_be_cancelled(JobStatus state)
    {
        var jobId = await JobInAsync(state);
        var before = await database.JobRowAsync(jobId);

        Assert.False((await store.CancelAsync(jobId, CancellationToken.None)).Ended);

        Assert.Equal(before, await database.JobRowAsync(jobId));
    }

    [Fact]
    public async Task Requeueing_a_failed_job_clears_its_error_completion_progress_and_retries()
    {
        var jobId = await JobInAsync(JobStatus.Processing);
        await store.UpdateProgressAsync(jobId, await OwnerAsync(jobId) ?? Token, 60, "2 of 3 images", CancellationToken.None);
        await store.FailAsync(jobId, await OwnerAsync(jobId), 3, "Ideogram kept answering 500", CancellationToken.None);

        Assert.True(await store.RequeueAsync(jobId, CancellationToken.None));

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Null(job.ErrorMessage);
        Assert.Null(job.CompletedAt);
        Assert.Null(job.ProgressDetails);
        Assert.Equal(0, job.ProgressPercentage);
        Assert.Equal(0, job.RetryCount);
    }

    [Fact]
    public async Task A_cancelled_job_can_be_requeued()
    {
        var jobId = await JobInAsync(JobStatus.Cancelled);

        Assert.True(await store.RequeueAsync(jobId, CancellationToken.None));

        Assert.Equal(JobStatus.Queued, (await store.GetAsync(jobId, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Processing)]
    [InlineData(JobStatus.Completed)]
    public async Task Only_failed_or_cancelled_jobs_can_be_requeued(JobStatus state)
    {
        var jobId = await JobInAsync(state);
        var before = await database.JobRowAsync(jobId);

        Assert.False(await store.RequeueAsync(jobId, CancellationToken.None));

        Assert.Equal(before, await database.JobRowAsync(jobId));
    }

    [Fact]
    public async Task Progress_and_attempt_failures_are_recorded_on_a_processing_job_which_stays_processing()
    {
        var jobId = await JobInAsync(JobStatus.Processing);

        await store.UpdateProgressAsync(jobId, await OwnerAsync(jobId) ?? Token, 40, "Generating", CancellationToken.None);
        await store.RecordSetbackAsync(jobId, await OwnerAsync(jobId) ?? Token, Setback(2, "Ideogram answered 429", "Waiting 4 s before attempt 3"), CancellationToken.None);

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Processing, job.Status);
        Assert.Equal(40, job.ProgressPercentage);
        Assert.Equal(2, job.RetryCount);
        Assert.Equal("Ideogram answered 429", job.ErrorMessage);
        Assert.Equal("Waiting 4 s before attempt 3", job.ProgressDetails);
        Assert.Null(job.AttemptToken);
        Assert.Null(job.WorkerId);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), job.NextAttemptAt);
    }

    [Theory]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Completed)]
    public async Task Progress_and_attempt_failures_do_not_touch_a_job_that_is_not_processing(JobStatus state)
    {
        var jobId = await JobInAsync(state);
        var before = await database.JobRowAsync(jobId);

        await store.UpdateProgressAsync(jobId, await OwnerAsync(jobId) ?? Token, 40, "Generating", CancellationToken.None);
        await store.RecordSetbackAsync(jobId, await OwnerAsync(jobId) ?? Token, Setback(2, "late", "late"), CancellationToken.None);

        Assert.Equal(before, await database.JobRowAsync(jobId));
    }

    [Fact]
    public async Task An_error_message_longer_than_a_text_column_is_cut_instead_of_losing_the_failure()
    {
        var jobId = await JobInAsync(JobStatus.Processing);

        Assert.True((await store.FailAsync(jobId, await OwnerAsync(jobId), 1, new string('x', 100_000), CancellationToken.None)).Ended);

        var job = (await store.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.StartsWith("xxxx", job.ErrorMessage);
        Assert.True(job.ErrorMessage!.Length < 100_000);
    }

    [Theory]
    [InlineData("queued")]
    [InlineData("processing")]
    [InlineData("failed")]
    [InlineData("cancelled")]
    public async Task No_transition_touches_a_job_of_the_older_system(string status)
    {
        var olderJob = await database.InsertOlderSystemJobAsync(accountId, "content_generation", status);
        var before = await database.JobRowAsync(olderJob);

        Assert.False(await ClaimAsync(olderJob, "silo-1", "mine now"));
        Assert.False((await store.CompleteAsync(olderJob, await OwnerAsync(olderJob) ?? Token, "{}", CancellationToken.None)).Ended);
        Assert.False((await store.FailAsync(olderJob, await OwnerAsync(olderJob), 1, "no", CancellationToken.None)).Ended);
        Assert.False((await store.CancelAsync(olderJob, CancellationToken.None)).Ended);
        Assert.False(await store.RequeueAsync(olderJob, CancellationToken.None));
        await store.UpdateProgressAsync(olderJob, await OwnerAsync(olderJob) ?? Token, 50, "half", CancellationToken.None);
        await store.RecordSetbackAsync(olderJob, await OwnerAsync(olderJob) ?? Token, Setback(1, "no", "no"), CancellationToken.None);

        Assert.Equal(before, await database.JobRowAsync(olderJob));
    }

    private Task<bool> ClaimAsync(long jobId, string worker, string details, string token = Token) =>
        store.ClaimAttemptAsync(jobId, new AttemptClaim(token, worker, DateTime.UtcNow.AddMinutes(5), details), CancellationToken.None);

    /// <summary>The token of the attempt that owns the row, or null.</summary>
    private async Task<string?> OwnerAsync(long jobId) => (await store.GetAsync(jobId, CancellationToken.None))?.AttemptToken;

    private static AttemptSetback Setback(int retries, string error, string details) => new()
    {
        RetryCount = retries,
        Interruptions = 0,
        ErrorMessage = error,
        ProgressDetails = details,
        NextAttemptAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private NewJob JobOf(int images) => new()
    {
        AccountId = accountId,
        ConfigId = configId,
        JobTypeName = "social_media",
        Prompt = "A harvest festival poster",
        FinalSettings = new JobSettings { NumImages = images },
    };

    /// <summary>A new image job brought to <paramref name="state"/> through the store's own transitions.</summary>
    private async Task<long> JobInAsync(JobStatus state)
    {
        var jobId = await store.CreateAsync(JobOf(images: 3), CancellationToken.None);

        var reached = state switch
        {
            JobStatus.Queued => true,
            JobStatus.Processing => await ClaimAsync(jobId, "silo-1", "Started"),
            JobStatus.Completed => await ClaimAsync(jobId, "silo-1", "Started")
                && (await store.CompleteAsync(jobId, await OwnerAsync(jobId) ?? Token, """{"images":[]}""", CancellationToken.None)).Ended,
            JobStatus.Failed => (await store.FailAsync(jobId, await OwnerAsync(jobId), 0, "Invalid prompt", CancellationToken.None)).Ended,
            JobStatus.Cancelled => (await store.CancelAsync(jobId, CancellationToken.None)).Ended,
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        Assert.True(reached, $"job {jobId} did not reach {state}");
        Assert.Equal(state.ToDatabase(), (await database.JobRowAsync(jobId))["status"]);
        return jobId;
    }
}
