using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class DeadSiloRecoveryTests(SlowReminderFixture fixture) : IClassFixture<SlowReminderFixture>
{
    [Fact]
    public async Task A_job_whose_silo_dies_resumes_as_soon_as_the_silo_is_declared_dead_not_at_the_next_reminder()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.5 });
        var account = await fixture.NewAccountAsync();

        var jobId = await fixture.SubmitAsync(account, "blog_header", "a harbour at dawn");
        var worker = await fixture.WaitForAttemptAsync(jobId);

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == worker));
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.02 });

        // Reminders tick every ten minutes here: within a minute, only the surviving silo's reaction to the death can end the job.
        await Eventually.Until(
            async () => (await fixture.Database.QueryAsync($"SELECT status FROM ssnews_jobs WHERE job_id = {jobId}"))[0]["status"],
            status => status is "completed" or "failed" or "cancelled",
            TimeSpan.FromSeconds(60),
            $"job {jobId} to end on the surviving silo after {worker} was killed");
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);
        Assert.Equal(0, done.RetryCount);
        Assert.Equal("1", (await fixture.Database.QueryAsync($"SELECT interruptions FROM ssnews_jobs WHERE job_id = {jobId}"))[0]["interruptions"]);
        Assert.Equal(2, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
    }
}
