namespace IdeogramJobs.Cluster.Tests.Probes;

/// <summary>Records, durably, which silo delivered each tick of its reminder.</summary>
public interface IReminderProbeGrain : IGrainWithIntegerKey
{
    Task StartAsync();

    Task<string> GetSiloAsync();

    Task<IReadOnlyList<string>> GetTickSilosAsync();
}
