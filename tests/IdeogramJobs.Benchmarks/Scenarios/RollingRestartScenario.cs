using System.Diagnostics;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Recovery: a rolling restart under load, as a deployment does it, with Ideogram's real latency at
/// DEFAULT speed (about 11 s a request) in the full run. Each of the three silos in turn gets SIGTERM
/// (a graceful shutdown: it drains its running attempts), and the next is stopped only once a fresh
/// silo has joined in its place.
/// </summary>
public sealed class RollingRestartScenario : IScenario
{
    public int Number => 10;

    public string Name => "10. Recovery: rolling restart";

    public Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken) =>
        DisruptedLoad.RunAsync(
            Name, settings, (Quick: 12, Full: 12), "SIGTERM of each silo in turn, each replaced before the next", RestartEachAsync, cancellationToken,
            meanLatencySeconds: (Quick: 4, Full: 11.5));

    private static async Task<IReadOnlyList<Figure>> RestartEachAsync(LoopbackSystem system, CancellationToken cancellationToken)
    {
        var stops = new List<double>();
        var joins = new List<double>();
        foreach (var silo in system.Silos.Where(s => !s.Process.HasExited).ToList())
        {
            var clock = Stopwatch.StartNew();
            await system.StopSiloAsync(silo);
            stops.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var fresh = await system.StartSiloAsync(cancellationToken);
            joins.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"[bench] silo on port {silo.SiloPort} stopped in {stops[^1]:0.0} s; its replacement on port {fresh.SiloPort} joined in {joins[^1]:0.0} s");
        }

        return
        [
            new("silos restarted", stops.Count, "silos", 0),
            new("longest graceful stop (SIGTERM to exit)", stops.Max(), "s", 1),
            new("longest join of a replacement", joins.Max(), "s", 1),
            new("rolling restart, first SIGTERM to last join", stops.Sum() + joins.Sum(), "s", 1),
        ];
    }
}
