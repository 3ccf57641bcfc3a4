using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class SiloShutdownTests(CrashFixture fixture) : IClassFixture<CrashFixture>
{
    [Fact]
    public async Task A_silo_shut_down_mid_attempt_lets_the_attempt_finish_so_its_generation_is_not_paid_twice()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.4 });
        var account = await fixture.NewAccountAsync();
        var jobId = await fixture.SubmitAsync(account, "blog_header", "a signal box at dusk");
        var worker = await fixture.WaitForAttemptAsync(jobId);

        await fixture.Cluster.StopSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == worker));
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed, TimeSpan.FromSeconds(90));

        Assert.Equal(0, done.RetryCount);
        Assert.Equal(1, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
        Assert.Equal(2, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
        var row = (await fixture.Database.QueryAsync($"SELECT worker_id, interruptions FROM ssnews_jobs WHERE job_id = {jobId}"))[0];
        Assert.Equal((worker, "0"), (row["worker_id"], row["interruptions"]));
    }
}
