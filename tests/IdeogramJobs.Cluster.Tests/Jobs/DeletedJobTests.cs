using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class DeletedJobTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>
{
    private const string WakeUps = "SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'job-wake-up'";

    [Fact]
    public async Task A_job_whose_row_is_deleted_during_its_backoff_stops_its_wake_up_reminder()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { retryAfterSeconds = 3, failureRates = new { rateLimited = 1.0 } });
        var account = await fixture.NewAccountAsync();
        var jobId = await fixture.SubmitAsync(account, "blog_header", "a sandcastle before the tide");
        await Eventually.Until(
            () => fixture.Database.CountAsync(WakeUps),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            $"job {jobId} to register its wake-up reminder for the retry");

        await fixture.Database.ExecuteAsync($"DELETE FROM ssnews_jobs WHERE job_id = {jobId}");

        await Eventually.Until(
            () => fixture.Database.CountAsync(WakeUps),
            n => n == 0,
            TimeSpan.FromSeconds(30),
            $"the wake-up reminder of deleted job {jobId} to be removed");
        Assert.Equal(1, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
    }
}
