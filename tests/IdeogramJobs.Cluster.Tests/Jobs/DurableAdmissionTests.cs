using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>An account's limits, its concurrency cap and its idempotency keys hold when its grain is collected and comes back.</summary>
public sealed class DurableAdmissionTests(SingleImageCapacityFixture fixture) : IClassFixture<SingleImageCapacityFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Simulator.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_daily_limit_used_up_stays_used_up_after_the_account_grain_is_collected()
    {
        var account = await fixture.NewAccountAsync();
        await fixture.Account(account).SetLimitsAsync(new AccountLimits { JobsPerDay = 3 });
        for (var i = 0; i < 3; i++)
        {
            await fixture.SubmitAsync(account, "blog_header", $"tide chart {i}", """{"numImages":1}""");
        }

        await fixture.CollectIdleGrainsAsync();
        var refused = await Submit(account, "tide chart 4");

        Assert.Equal(SubmissionOutcome.RateLimited, refused.Outcome);
        Assert.Equal("jobs_per_day", refused.Limit);
    }

    [Fact]
    public async Task Changing_an_accounts_limits_does_not_refill_what_it_used()
    {
        var account = await fixture.NewAccountAsync(jobsPerMinute: 2);
        await fixture.SubmitAsync(account, "blog_header", "buoy 1", """{"numImages":1}""");
        await fixture.SubmitAsync(account, "blog_header", "buoy 2", """{"numImages":1}""");

        await fixture.Account(account).SetLimitsAsync(new AccountLimits { JobsPerMinute = 2, JobsPerDay = 100 });
        var refused = await Submit(account, "buoy 3");

        Assert.Equal(SubmissionOutcome.RateLimited, refused.Outcome);
        Assert.Equal("jobs_per_minute", refused.Limit);
    }

    [Fact]
    public async Task A_job_waiting_for_capacity_keeps_its_slot_when_the_account_grain_comes_back()
    {
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.3 });
        var account = await fixture.NewAccountAsync(maxConcurrentJobs: 2);
        var running = await fixture.SubmitAsync(account, "blog_header", "first light", """{"numImages":1}""");
        await fixture.WaitForAsync(account, running, JobStatus.Processing);
        var waiting = await fixture.SubmitAsync(account, "blog_header", "second light", """{"numImages":1}""");
        await Eventually.Until(
            async () => (await fixture.Database.QueryAsync($"SELECT dispatched_at FROM ssnews_jobs WHERE job_id = {waiting}"))[0]["dispatched_at"],
            at => at is not null,
            TimeSpan.FromSeconds(20),
            $"job {waiting} to be waiting for Ideogram capacity");

        await fixture.CollectIdleGrainsAsync();
        var urgent = await fixture.SubmitAsync(account, "blog_header", "urgent light", """{"numImages":1}""", priority: 9);

        var queue = await fixture.Account(account).GetQueueAsync();
        Assert.Equal([running, waiting], queue.InFlight.Order());
        Assert.Equal([urgent], queue.Pending);
        foreach (var jobId in new[] { running, waiting, urgent })
        {
            await fixture.WaitForAsync(account, jobId, JobStatus.Completed);
        }

        Assert.Equal(0, (await fixture.Simulator.TotalsAsync())["rejectedInflight"]!.GetValue<int>());
        Assert.Equal(3, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_first_job_and_the_same_key_with_another_request_is_refused()
    {
        var account = await fixture.NewAccountAsync();
        var first = await Submit(account, "a kite festival", idempotencyKey: "order-7");

        var replay = await Submit(account, "a kite festival", idempotencyKey: "order-7");
        var conflict = await Submit(account, "a kite festival at night", idempotencyKey: "order-7");

        Assert.Equal(SubmissionOutcome.Accepted, first.Outcome);
        Assert.Equal((SubmissionOutcome.Accepted, first.JobId, true), (replay.Outcome, replay.JobId, replay.Replayed));
        Assert.Equal((SubmissionOutcome.IdempotencyConflict, first.JobId), (conflict.Outcome, conflict.JobId));
        Assert.Equal(1, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account}'"));
    }

    [Fact]
    public async Task A_job_asking_for_more_images_than_the_keys_in_flight_limit_is_refused_naming_numImages()
    {
        var account = await fixture.NewAccountAsync();

        var refused = await fixture.Account(account).SubmitAsync(new JobSubmission { JobTypeName = "blog_header", Prompt = "two lighthouses", OverridesJson = """{"numImages":2}""" });

        Assert.Equal(SubmissionOutcome.Invalid, refused.Outcome);
        var error = Assert.Single(refused.Errors, e => e.Field == "numImages");
        Assert.Contains("IDEOGRAM_MAX_INFLIGHT_IMAGES", error.Message);
        Assert.Equal(0, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account}'"));
    }

    private Task<SubmissionResult> Submit(string account, string prompt, string? idempotencyKey = null) =>
        fixture.Account(account).SubmitAsync(new JobSubmission
        {
            JobTypeName = "blog_header",
            Prompt = prompt,
            OverridesJson = """{"numImages":1}""",
            IdempotencyKey = idempotencyKey,
        });
}
