using IdeogramJobs.Grains;

namespace IdeogramJobs.Cluster.Tests.Probes;

public sealed class ReminderProbeGrain(
    [PersistentState("test-reminder-probe", GrainStorage.Name)] IPersistentState<ProbeState> state,
    ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public Task StartAsync() =>
        this.RegisterOrUpdateReminder("probe", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToString());

    public Task<IReadOnlyList<string>> GetTickSilosAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.TickSilos);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.TickSilos.Add(silo.SiloAddress.ToString());
        await state.WriteStateAsync();
    }
}
