using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class DrainBoundTests(ShortDrainFixture fixture) : IClassFixture<ShortDrainFixture>
{
    [Fact]
    public async Task An_attempt_longer_than_the_drain_bound_is_handed_over_without_spending_one_of_the_jobs_attempts()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.6 });
        var account = await fixture.NewAccountAsync();
        var jobId = await fixture.SubmitAsync(account, "blog_header", "a lighthouse keeper's kitchen");
        var worker = await fixture.WaitForAttemptAsync(jobId);

        await fixture.Cluster.StopSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == worker));
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed, TimeSpan.FromSeconds(120));

        Assert.Equal(0, done.RetryCount);
        var row = (await fixture.Database.QueryAsync($"SELECT worker_id, interruptions FROM ssnews_jobs WHERE job_id = {jobId}"))[0];
        Assert.NotEqual(worker, row["worker_id"]);
        Assert.Equal("1", row["interruptions"]);

        // The call cut off by the drain was billed all the same: a bound shorter than Ideogram's calls costs a generation.
        Assert.Equal(2, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
        Assert.Equal(2, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
    }
}
