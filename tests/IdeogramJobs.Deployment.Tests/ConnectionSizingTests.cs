using System.Globalization;
using IdeogramJobs.Database.Connections;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>Compose's processes cannot ask the database for more connections than it allows.</summary>
public sealed class ConnectionSizingTests
{
    /// <summary>Each process opens two pools: the Orleans providers' and the service's own (their connection strings differ).</summary>
    public const int PoolsPerProcess = 2;

    /// <summary>Left for the migrate job, an operator's client and monitoring.</summary>
    public const int Headroom = 20;

    [Fact]
    public void The_services_pools_at_their_largest_fit_within_the_servers_max_connections_with_headroom()
    {
        var maxConnections = int.Parse(
            Deployment.Compose["mysql"].Command.Single(argument => argument.StartsWith("--max-connections=", StringComparison.Ordinal)).Split('=')[1],
            CultureInfo.InvariantCulture);
        var processes = Deployment.LongRunning.Where(service => Deployment.Executable(service) is "IdeogramJobs.Silo.dll" or "IdeogramJobs.Api.dll").ToList();

        var demand = processes.Sum(service =>
            PoolsPerProcess * (Deployment.ContainerEnvironment(service).TryGetValue("DATABASE_MAX_POOL_SIZE", out var size)
                ? int.Parse(size, CultureInfo.InvariantCulture)
                : (int)new DatabaseOptions().MaxPoolSize));

        Assert.True(
            demand + Headroom <= maxConnections,
            $"{processes.Count} processes x {PoolsPerProcess} pools ask for up to {demand} connections; with {Headroom} spare that exceeds --max-connections={maxConnections}.");
    }
}
