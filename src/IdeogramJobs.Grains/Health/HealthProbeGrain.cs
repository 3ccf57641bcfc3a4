using IdeogramJobs.Contracts.Health;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace IdeogramJobs.Grains.Health;

[StatelessWorker]
public sealed class HealthProbeGrain(ILocalSiloDetails silo) : Grain, IHealthProbeGrain
{
    public Task<SiloPong> PingAsync() => Task.FromResult(new SiloPong(silo.SiloAddress.ToParsableString()));
}
