using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class AdmissionTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Simulator.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task With_a_cap_of_two_never_more_than_two_jobs_are_in_flight_and_all_ten_complete()
    {
        var account = await fixture.NewAccountAsync(maxConcurrentJobs: 2);
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.03 });

        var jobIds = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            jobIds.Add(await fixture.SubmitAsync(account, "blog_header", $"harbour {i}", """{"numImages":1}"""));
        }

        var queue = await fixture.Account(account).GetQueueAsync();
        Assert.True(queue.InFlight.Count <= 2, $"{queue.InFlight.Count} jobs in flight right after submitting");
        foreach (var jobId in jobIds)
        {
            await fixture.WaitForAsync(account, jobId, JobStatus.Completed);
        }

        var totals = await fixture.Simulator.TotalsAsync();
        Assert.Equal(10, totals["succeeded"]!.GetValue<int>());
        Assert.Equal(2, totals["maxInflightImages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Jobs_of_four_images_from_several_accounts_never_trip_the_providers_inflight_limit()
    {
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.03, inflightLimit = 10 });
        var submitted = new List<(string Account, long JobId)>();
        for (var a = 0; a < 3; a++)
        {
            var account = await fixture.NewAccountAsync();
            for (var j = 0; j < 3; j++)
            {
                submitted.Add((account, await fixture.SubmitAsync(account, "product_marketing", $"bottle {a}-{j}")));
            }
        }

        foreach (var (account, jobId) in submitted)
        {
            await fixture.WaitForAsync(account, jobId, JobStatus.Completed);
        }

        var totals = await fixture.Simulator.TotalsAsync();
        Assert.Equal(0, totals["rejectedInflight"]!.GetValue<int>());
        Assert.Equal(9, totals["succeeded"]!.GetValue<int>());
        Assert.InRange(totals["maxInflightImages"]!.GetValue<int>(), 8, 10);
    }

    [Fact]
    public async Task Submissions_past_the_rate_limit_are_refused_with_a_retry_time_and_none_accepted_is_lost()
    {
        var account = await fixture.NewAccountAsync(jobsPerMinute: 3);

        var accepted = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            accepted.Add(await fixture.SubmitAsync(account, "blog_header", $"lighthouse {i}"));
        }

        var refused = await fixture.Account(account).SubmitAsync(new JobSubmission { JobTypeName = "blog_header", Prompt = "one too many" });

        Assert.Equal(SubmissionOutcome.RateLimited, refused.Outcome);
        Assert.Equal("jobs_per_minute", refused.Limit);
        Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        foreach (var jobId in accepted)
        {
            await fixture.WaitForAsync(account, jobId, JobStatus.Completed);
        }

        Assert.Equal(3, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account}'"));
        Assert.Equal(1, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_admission_rejections WHERE account_id = '{account}' AND limit_name = 'jobs_per_minute'"));
    }

    [Fact]
    public async Task An_inactive_account_may_not_run_jobs()
    {
        var account = await fixture.NewAccountAsync();
        await fixture.Database.ExecuteAsync($"UPDATE ssnews_accounts SET is_active = FALSE WHERE account_id = '{account}'");

        var result = await fixture.Account(account).SubmitAsync(new JobSubmission { JobTypeName = "blog_header", Prompt = "anything" });

        Assert.Equal(SubmissionOutcome.AccountInactive, result.Outcome);
    }
}
