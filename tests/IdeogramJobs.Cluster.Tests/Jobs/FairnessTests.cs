using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class FairnessTests(FairnessFixture fixture) : IClassFixture<FairnessFixture>
{
    [Fact]
    public async Task A_busy_account_does_not_delay_another_accounts_single_job_past_one_turn()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.02 });
        var busy = await fixture.NewAccountAsync(maxConcurrentJobs: 50);
        var quiet = await fixture.NewAccountAsync();
        for (var i = 0; i < 50; i++)
        {
            await fixture.SubmitAsync(busy, "blog_header", $"busy {i}", """{"numImages":1}""");
        }

        await Eventually.Until(async () => (await fixture.Simulator.RequestsAsync()).Count, n => n >= 4, TimeSpan.FromSeconds(30), "the busy account's first requests to reach the simulator");
        // When the submission returns, the quiet job already waits at the capacity grain.
        var quietJob = await fixture.SubmitAsync(quiet, "blog_header", "the quiet one", """{"numImages":1}""");
        var seenBefore = (await fixture.Simulator.RequestsAsync()).Count;
        await fixture.WaitForAsync(quiet, quietJob, JobStatus.Completed);

        // The simulator lists requests as answered; a short call answers before a longer one that came first.
        var prompts = (await fixture.Simulator.RequestsAsync())
            .OrderBy(r => r!["arrival"]!.GetValue<long>())
            .Select(r => r!["fields"]!.AsArray().First(f => f!["name"]!.GetValue<string>() == "prompt")!["value"]!.GetValue<string>())
            .ToList();
        var position = prompts.IndexOf("the quiet one");
        Assert.True(position >= 0, "the quiet account's request reached the simulator");
        // The two units already granted may still be on their way, then at most one more turn of the busy account.
        Assert.True(position - seenBefore <= 3, $"the quiet job was request {position}, {position - seenBefore} after it was submitted");
        Assert.True(prompts.Count(p => p.StartsWith("busy", StringComparison.Ordinal)) < 50, "the busy account still had work waiting, so the quiet job really went ahead of it");
    }
}
