using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Cluster.Tests.Probes;
using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Grains;
using IdeogramJobs.Testing;
using Orleans.TestingHost;

namespace IdeogramJobs.Cluster.Tests;

public sealed class ClusterOnMariaDbTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Both_silos_register_as_active_members_in_mariadb()
    {
        var active = await fixture.Database.CountAsync("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3");

        Assert.True(active >= 2, $"expected at least 2 active silos in OrleansMembershipTable, found {active}");
    }

    [Fact]
    public async Task A_reminder_registered_on_one_silo_fires_after_that_silo_stops()
    {
        var grain = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(Random.Shared.NextInt64(1, long.MaxValue));
        await grain.StartAsync();
        var holder = await grain.GetSiloAsync();
        await Eventually.Until(grain.GetTickSilosAsync, ticks => ticks.Count > 0, Recovery, $"a first reminder tick on {holder}");

        await StopAndReplaceAsync(holder);

        var ticks = await Eventually.Until(
            grain.GetTickSilosAsync,
            t => t.Any(s => s != holder),
            Recovery,
            $"a reminder tick delivered by a silo other than the stopped {holder}");
        Assert.Contains(ticks, s => s != holder);
    }

    [Fact]
    public async Task A_reference_made_from_a_grain_type_resolved_once_reaches_the_grain_GetGrain_names()
    {
        var client = fixture.Cluster.Client;
        var references = new GrainReferences(client);
        references.Get<IReminderProbeGrain>(41);
        references.Get<IAccountEventsGrain>("first-account");

        var probe = references.Get<IReminderProbeGrain>(42);
        var events = references.Get<IAccountEventsGrain>("second-account");

        Assert.Equal(Identity(client.GetGrain<IReminderProbeGrain>(42)), Identity(probe));
        Assert.Equal(Identity(client.GetGrain<IAccountEventsGrain>("second-account")), Identity(events));
        Assert.Equal(await client.GetGrain<IReminderProbeGrain>(42).GetSiloAsync(), await probe.GetSiloAsync());
    }

    /// <summary>Stops the silo at <paramref name="address"/> and starts a fresh one, so the cluster keeps two.</summary>
    private async Task StopAndReplaceAsync(string address)
    {
        var silo = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == address);
        await fixture.Cluster.StopSiloAsync(silo);
        await fixture.Cluster.StartAdditionalSiloAsync();
    }

    private static (GrainId, GrainInterfaceType) Identity(IAddressable grain) =>
        (((GrainReference)grain).GrainId, ((GrainReference)grain).InterfaceType);
}
