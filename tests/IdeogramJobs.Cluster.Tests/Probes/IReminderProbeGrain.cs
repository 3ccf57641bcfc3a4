namespace IdeogramJobs.Cluster.Tests.Probes;

/// <summary>Records which silo delivered each tick of its reminder.</summary>
public interface IReminderProbeGrain : IGrainWithIntegerKey
{
    Task StartAsync();

    Task<string> GetSiloAsync();

    Task<IReadOnlyList<string>> GetTickSilosAsync();
}
