using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue 16 scenario: 50 organisations with Ideogram keys of their own, each with an in-flight limit of 10 images in
/// the engine and in the simulator, at 2 s per request on average: at most 50 x 10 / 2 = 250 images/s. Each
/// organisation has two accounts that keep jobs waiting, so every key always has work beyond its limit. A phase
/// of 1-image jobs, then one of 1-4 images, each measured over a window after a warm-up (<see cref="KeyScalePhase"/>):
/// images/s against the ideal (target 0.90 x), each key's share of its capacity used, over-limit sends, billed
/// generations per job, lost jobs, and the CPU per job of the silo and the API, which explains a miss.
/// </summary>
public sealed class KeyScaleScenario : IScenario
{
    private const int Organisations = 50;
    private const int KeyLimit = 10;
    private const int AccountsPerOrganisation = 2;
    private const double LatencySeconds = 2.0;

    /// <summary>Per account: two accounts of a key hold 24 jobs for its 10 places, so a freed place has a job waiting for it.</summary>
    private const int MaxConcurrentJobs = 12;

    public int Number => 15;

    public string Name => "15. Scale with keys";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var warmUp = TimeSpan.FromSeconds(settings.Quick ? 5 : 10);
        var window = TimeSpan.FromSeconds(settings.Quick ? 15 : 60);
        KeyScaleShape[] shapes =
        [
            new("1 image", 1, 1, warmUp, window),
            new("1-4 images", 1, 4, warmUp, window),
        ];
        var keys = Enumerable.Range(0, Organisations).Select(o => OrganisationKeyDeployment.NewKey(o, KeyLimit)).ToList();

        // A MariaDB server of the scenario's own: its CPU is the system's alone, whatever other tests do on the shared one.
        await using var server = await PrivateMariaDb.StartAsync(cancellationToken);

        // The service key is in the deployment but no account uses it.
        await using var system = await LoopbackSystem.StartAsync(OrganisationKeyDeployment.With(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(LatencySeconds),
            SimulatorInflightLimit: KeyLimit,
            IdeogramMaxInflightImages: KeyLimit,
            MaxConcurrentJobs: MaxConcurrentJobs,
            SimulatorImageScale: 8)
        { DatabaseServerUrl = server.Url }, keys));
        await OrganisationKeyDeployment.ProvisionAsync(system, keys, AccountsPerOrganisation, 0, cancellationToken);
        IReadOnlyDictionary<string, double> Cpu() => new Dictionary<string, double>(system.CpuSeconds())
        {
            ["MariaDB"] = ProcessCpu.SecondsOf(server.ProcessId),
        };

        var figures = new List<Figure> { new("keys (organisations with their own key)", keys.Count, "keys", 0) };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{Organisations} organisations with their own keys, limit {KeyLimit} images each in the engine and the simulator, {AccountsPerOrganisation} accounts each (MAX_CONCURRENT_JOBS {MaxConcurrentJobs}), each account topping up to {KeyScalePhase.Backlog} unfinished jobs after every poll (so a key has {AccountsPerOrganisation * KeyScalePhase.Backlog} for its {KeyLimit} places); simulator latency {LatencySeconds:0.0} s per request on average (DEFAULT's range scaled: {ProviderLatency.Range("DEFAULT").Min * ProviderLatency.ScaleForDefault(LatencySeconds):0.00}-{ProviderLatency.Range("DEFAULT").Max * ProviderLatency.ScaleForDefault(LatencySeconds):0.00} s); blog_header jobs; a phase of 1-image jobs, then one of 1-4 images, each measured over {window.TotalSeconds:0} s after a warm-up of {warmUp.TotalSeconds:0} s from its first submission and until every key has completed a job; CPU per job from /proc of each process over the window, MariaDB a server of the scenario's own (its figure includes the benchmark's poll of the phase's ended jobs, once a second); every process, the benchmark client and other sessions' work share this machine's {Environment.ProcessorCount} cores"),
        };
        string? error = null;
        foreach (var shape in shapes)
        {
            var phase = await KeyScalePhase.RunAsync(system, Cpu, keys, shape, LatencySeconds, cancellationToken);
            figures.AddRange(phase.Figures.Select(figure => figure with { Name = $"[{shape.Label}] {figure.Name}" }));
            notes.AddRange(phase.Notes.Select(note => $"[{shape.Label}] {note}"));
            if (!phase.Ran)
            {
                error = $"[{shape.Label}] {phase.Error}";
                break;
            }
        }

        return error is null ? new ScenarioResult(Name, figures, notes) : ScenarioResult.Failed(Name, error, figures);
    }
}
