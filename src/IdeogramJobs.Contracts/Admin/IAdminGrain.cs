using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Admin;

/// <summary>What the cluster's silos carry, read live from the Orleans runtime for service admins. Key 0.</summary>
[Alias("ideogramjobs.admin-grain")]
public interface IAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Each active silo with its activations, CPU and memory, for operators scaling the cluster.</summary>
    [ReadOnly, Alias("cluster")]
    Task<ClusterSnapshot> GetClusterAsync();
}
