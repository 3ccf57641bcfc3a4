namespace IdeogramJobs.Cluster.Tests.Probes;

/// <summary>A counter kept in MariaDB grain storage, reporting which silo serves it.</summary>
public interface IStateProbeGrain : IGrainWithIntegerKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string> GetSiloAsync();
}
