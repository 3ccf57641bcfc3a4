using System.Globalization;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class BackoffAcrossSilosTests(CrashFixture fixture) : IClassFixture<CrashFixture>
{
    [Fact]
    public async Task A_job_in_backoff_whose_silo_dies_waits_out_its_backoff_on_the_surviving_silo()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { retryAfterSeconds = 6, failureRates = new { rateLimited = 1.0 } });
        var account = await fixture.NewAccountAsync();
        var jobId = await fixture.SubmitAsync(account, "blog_header", "a weather vane");
        var nextAttemptAt = await Eventually.Until(
            async () => (await fixture.Database.QueryAsync($"SELECT next_attempt_at FROM ssnews_jobs WHERE job_id = {jobId}"))[0]["next_attempt_at"],
            at => at is not null,
            TimeSpan.FromSeconds(30),
            $"job {jobId} to be refused once and wait out Retry-After");
        var due = DateTime.Parse(nextAttemptAt!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var ranOn = (await fixture.Database.QueryAsync(
            $"SELECT message FROM ssnews_system_logs WHERE job_id = {jobId} AND message LIKE 'Attempt 1 %started on %'"))[0]["message"]!;
        var silo = fixture.Cluster.Silos.Single(s => ranOn.EndsWith(s.SiloAddress.ToString(), StringComparison.Ordinal));

        await fixture.Simulator.ConfigureAsync(new { failureRates = new { rateLimited = 0.0 } });
        await fixture.Cluster.KillSiloAsync(silo);
        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>(),
            n => n >= 2,
            TimeSpan.FromSeconds(60),
            $"job {jobId} to try again on the surviving silo");
        var retriedAt = DateTime.UtcNow;

        Assert.True(retriedAt >= due, $"the retry came at {retriedAt:O}, before the backoff ended at {due:O}");
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);
        Assert.Equal(0, done.RetryCount);
        Assert.Equal(2, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
    }
}
