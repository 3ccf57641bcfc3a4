using System.Diagnostics;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Recovery: the silo hosting the Ideogram capacity grain (the one count of in-flight images) dies
/// with SIGKILL under load. The count starts again on another silo, which must not grant on top of
/// the generations still running, those of the dead silo included.
/// </summary>
public sealed class CapacitySiloKillScenario : IScenario
{
    public int Number => 9;

    public string Name => "9. Recovery: capacity grain's silo killed";

    public Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken) =>
        DisruptedLoad.RunAsync(Name, settings, (Quick: 25, Full: 50), "SIGKILL of the silo hosting the capacity grain", KillCapacitySiloAsync, cancellationToken);

    private static async Task<IReadOnlyList<Figure>> KillCapacitySiloAsync(LoopbackSystem system, CancellationToken cancellationToken)
    {
        var victim = await system.CapacitySiloAsync(cancellationToken);
        var running = await system.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_jobs WHERE status = 'processing' AND worker_id LIKE '{victim.WorkerIdPattern}'");
        await system.KillSiloAsync(victim);
        Console.WriteLine($"[bench] killed the silo on port {victim.SiloPort}, host of the capacity grain, running {running} jobs");

        // Asking for the snapshot activates the grain again, on a live silo, once the cluster knows the old one is dead.
        var clock = Stopwatch.StartNew();
        await Eventually.Until(
            () => system.CapacitySiloAsync(cancellationToken),
            silo => silo.SiloPort != victim.SiloPort,
            TimeSpan.FromSeconds(180),
            "the capacity grain to answer from a live silo");
        return
        [
            new("jobs running on the killed silo", running, "jobs", 0),
            new("kill to the capacity grain answering from another silo", clock.Elapsed.TotalSeconds, "s", 1),
        ];
    }
}
