using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class CapacityMoveTests(CapacityMoveFixture fixture) : IClassFixture<CapacityMoveFixture>
{
    [Fact]
    public async Task When_the_capacity_grains_silo_dies_its_successor_counts_the_running_attempts_before_granting_the_waiting_jobs()
    {
        await fixture.Simulator.RestoreBaselineAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.3, inflightLimit = 2 });
        var submitted = new List<(string Account, long JobId)>();
        for (var a = 0; a < 2; a++)
        {
            var account = await fixture.NewAccountAsync();
            for (var j = 0; j < 3; j++)
            {
                submitted.Add((account, await fixture.SubmitAsync(account, "blog_header", $"semaphore {a}-{j}", """{"numImages":1}""")));
            }
        }

        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["inflightImages"]!.GetValue<int>(),
            n => n == 2,
            TimeSpan.FromSeconds(30),
            "two generations to be in flight while four jobs wait");
        var capacity = await fixture.Cluster.Client.GetGrain<IIdeogramCapacityGrain>(ProviderKeyIdentity.Service).GetSnapshotAsync();
        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == capacity.Silo));

        foreach (var (account, jobId) in submitted)
        {
            await fixture.WaitForAsync(account, jobId, JobStatus.Completed, TimeSpan.FromSeconds(120));
        }

        var totals = await fixture.Simulator.TotalsAsync();
        Assert.Equal(0, totals["rejectedInflight"]!.GetValue<int>());
        Assert.True(totals["maxInflightImages"]!.GetValue<int>() <= 2, $"{totals["maxInflightImages"]} images were in flight at once");
        var moved = await fixture.Cluster.Client.GetGrain<IIdeogramCapacityGrain>(ProviderKeyIdentity.Service).GetSnapshotAsync();
        Assert.NotEqual(capacity.Silo, moved.Silo);
    }
}
