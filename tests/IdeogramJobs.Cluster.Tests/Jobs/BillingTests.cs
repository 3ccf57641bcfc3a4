using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>What users pay for, counted by the simulator: one generation per job, whatever fails after Ideogram answered.</summary>
public sealed class BillingTests(StorageFaultFixture fixture) : IClassFixture<StorageFaultFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Simulator.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_storage_failure_after_Ideogram_answered_stores_the_kept_answer_again_instead_of_generating_again()
    {
        var account = await fixture.NewAccountAsync();
        fixture.BreakImageFolder();
        try
        {
            var jobId = await fixture.SubmitAsync(account, "blog_header", "a lantern on a jetty");
            await Eventually.Until(
                async () => (await fixture.Job(jobId).GetAsync(account))!.RetryCount,
                retries => retries >= 1,
                TimeSpan.FromSeconds(30),
                $"job {jobId} to fail an attempt while the image folder is broken");
            fixture.MendImageFolder();

            var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

            Assert.Equal(2, done.Images.Count);
            Assert.Equal(1, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
            Assert.Equal(2, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
            Assert.Contains("Storing the images failed", (await fixture.Database.QueryAsync(
                $"SELECT GROUP_CONCAT(message SEPARATOR ' | ') AS messages FROM ssnews_system_logs WHERE job_id = {jobId}"))[0]["messages"]);
        }
        finally
        {
            if (File.Exists(fixture.ImageRoot))
            {
                fixture.MendImageFolder();
            }
        }
    }

    [Fact]
    public async Task A_cancel_during_the_generation_wins_and_nothing_more_is_generated_or_recorded()
    {
        var account = await fixture.NewAccountAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.5 });
        var jobId = await fixture.SubmitAsync(account, "blog_header", "a ferry in fog");
        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["inflightImages"]!.GetValue<int>(),
            n => n > 0,
            TimeSpan.FromSeconds(30),
            $"job {jobId}'s generation to be in flight at the simulator");

        var cancelled = await fixture.Job(jobId).CancelAsync(account);

        Assert.Equal(JobCommandOutcome.Done, cancelled.Outcome);
        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["inflightImages"]!.GetValue<int>(),
            n => n == 0,
            TimeSpan.FromSeconds(60),
            "the cancelled generation to end at the simulator");
        var job = (await fixture.Job(jobId).GetAsync(account))!;
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Empty(job.Images);
        Assert.Equal(1, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
        var row = (await fixture.Database.QueryAsync($"SELECT status, attempt_token FROM ssnews_jobs WHERE job_id = {jobId}"))[0];
        Assert.Equal(("cancelled", null), (row["status"], row["attempt_token"]));
        Assert.Equal(0, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
    }
}
