namespace IdeogramJobs.Contracts.Health;

/// <summary>Answers from whichever silo is nearest: proof that the cluster takes calls.</summary>
[Alias("ideogramjobs.health-probe")]
public interface IHealthProbeGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    Task<SiloPong> PingAsync();
}
