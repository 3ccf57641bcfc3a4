using IdeogramJobs.Contracts.Admin;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Admin;

/// <summary>
/// The cluster's silos as the management grain sees them; it holds nothing, so it runs wherever it is
/// called. The API reads accounts, keys and usage from the tables itself.
/// </summary>
[StatelessWorker]
public sealed class AdminGrain : Grain, IAdminGrain
{
    public async Task<ClusterSnapshot> GetClusterAsync()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var addresses = hosts.Keys.ToArray();
        // The statistics come back in the order of the addresses asked for.
        var statistics = await management.GetRuntimeStatistics(addresses);
        return new ClusterSnapshot { Silos = [.. addresses.Select((address, i) => ToSnapshot(address, hosts[address], statistics[i]))] };
    }

    private static SiloSnapshot ToSnapshot(SiloAddress address, SiloStatus status, SiloRuntimeStatistics statistics) => new()
    {
        SiloAddress = address.ToString(),
        Status = status.ToString(),
        ActivationCount = statistics.ActivationCount,
        RecentlyUsedActivationCount = statistics.RecentlyUsedActivationCount,
        CpuUsagePercent = statistics.EnvironmentStatistics.FilteredCpuUsagePercentage,
        MemoryUsageBytes = statistics.EnvironmentStatistics.FilteredMemoryUsageBytes,
        AvailableMemoryBytes = statistics.EnvironmentStatistics.FilteredAvailableMemoryBytes,
        MaximumAvailableMemoryBytes = statistics.EnvironmentStatistics.MaximumAvailableMemoryBytes,
        IsOverloaded = statistics.IsOverloaded,
        ClientCount = statistics.ClientCount,
        AsOf = statistics.DateTime,
    };
}
