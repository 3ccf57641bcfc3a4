namespace IdeogramJobs.Cluster.Tests.Probes;

/// <summary>
/// Remembers, in memory, which silo delivered each tick of its reminder: after its silo stops, the activation on
/// the survivor starts a new list, which is all the test needs to see who delivers the ticks now.
/// </summary>
public sealed class ReminderProbeGrain(ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    private readonly List<string> tickSilos = [];

    public Task StartAsync() =>
        this.RegisterOrUpdateReminder("probe", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToString());

    public Task<IReadOnlyList<string>> GetTickSilosAsync() => Task.FromResult<IReadOnlyList<string>>(tickSilos.ToList());

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        tickSilos.Add(silo.SiloAddress.ToString());
        return Task.CompletedTask;
    }
}
