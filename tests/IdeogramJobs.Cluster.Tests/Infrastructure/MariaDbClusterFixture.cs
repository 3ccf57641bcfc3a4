using IdeogramJobs.Testing;
using Orleans.TestingHost;

namespace IdeogramJobs.Cluster.Tests.Infrastructure;

/// <summary>
/// Two silos over TCP with the production wiring (membership, grain storage and reminders on
/// MariaDB), in a database of the fixture's own; the client finds gateways through MariaDB too.
/// </summary>
public sealed class MariaDbClusterFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties["DATABASE_URL"] = Database.Url;
        builder.Properties["MIGRATE_ON_START"] = "false";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
