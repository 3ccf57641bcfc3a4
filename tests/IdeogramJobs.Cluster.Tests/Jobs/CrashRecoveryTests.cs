using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class CrashRecoveryTests(CrashFixture fixture) : IClassFixture<CrashFixture>
{
    [Fact]
    public async Task A_job_whose_silo_dies_mid_generation_completes_on_another_silo_with_its_images_recorded_once()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.5 });
        var account = await fixture.NewAccountAsync();

        var jobId = await fixture.SubmitAsync(account, "blog_header", "a lighthouse in a storm");
        var worker = await fixture.WaitForAttemptAsync(jobId);
        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["inflightImages"]!.GetValue<int>(),
            n => n > 0,
            TimeSpan.FromSeconds(10),
            "the generation to be in flight at the simulator");

        var silo = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == worker);
        await fixture.Cluster.KillSiloAsync(silo);
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.02 });
        // Only the table is watched: nothing calls the job, so the reminders alone must revive it.
        await Eventually.Until(
            async () => (await fixture.Database.QueryAsync($"SELECT status FROM ssnews_jobs WHERE job_id = {jobId}"))[0]["status"],
            status => status is "completed" or "failed" or "cancelled",
            TimeSpan.FromSeconds(90),
            $"job {jobId} to end on a surviving silo without being called");
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

        Assert.Equal(2, done.Images.Count);
        Assert.Equal(2, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
        var row = (await fixture.Database.QueryAsync($"SELECT status, worker_id, retry_count, interruptions FROM ssnews_jobs WHERE job_id = {jobId}"))[0];
        Assert.Equal("completed", row["status"]);
        Assert.NotEqual(worker, row["worker_id"]);

        // The silo's death is ours, not the job's: it spends no retry. Its call to Ideogram was lost
        // mid-generation, the one case where a second generation is billed.
        Assert.Equal(("0", "1"), (row["retry_count"], row["interruptions"]));
        Assert.Equal(0, done.RetryCount);
        Assert.Equal(2, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
    }
}
