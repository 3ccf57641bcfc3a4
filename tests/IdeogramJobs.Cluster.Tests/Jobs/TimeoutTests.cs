using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class TimeoutTests(TimeoutFixture fixture) : IClassFixture<TimeoutFixture>
{
    [Fact]
    public async Task A_provider_that_hangs_times_out_each_attempt_and_the_job_fails_after_its_attempts()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { failureRates = new { hang = 1.0 } });
        var account = await fixture.NewAccountAsync();

        var jobId = await fixture.SubmitAsync(account, "blog_header", "a clock with no hands");
        var failed = await fixture.WaitForAsync(account, jobId, JobStatus.Failed, TimeSpan.FromSeconds(40));

        Assert.Equal(1, failed.RetryCount);
        Assert.Contains("JOB_TIMEOUT_SECONDS", failed.ErrorMessage);
        Assert.Equal(2, (await fixture.Simulator.TotalsAsync())["hangs"]!.GetValue<int>());
    }
}
