using IdeogramJobs.Grains;

namespace IdeogramJobs.Cluster.Tests.Probes;

public sealed class StateProbeGrain(
    [PersistentState("test-state-probe", GrainStorage.Name)] IPersistentState<ProbeState> state,
    ILocalSiloDetails silo) : Grain, IStateProbeGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Count);

    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
