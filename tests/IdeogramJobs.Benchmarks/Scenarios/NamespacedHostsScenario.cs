using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Recovery across hosts: each silo and the API run in a network namespace of their own, with their
/// own address on a private bridge and the same ports (SILO_ADVERTISED_ADDRESS, SILO_LISTEN_ANY=false),
/// so advertised addresses and gateway discovery are exercised as on separate machines. Half way, the
/// host of the busiest silo vanishes: its processes get SIGKILL and its address is removed, so
/// packets to it go nowhere. Its jobs must end on the other silos, and the survivors must declare it
/// Dead. Skipped (not failed) where network namespaces cannot be made.
/// </summary>
public sealed class NamespacedHostsScenario : IScenario
{
    private const int Dead = 6;
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(300);

    public int Number => 12;

    public string Name => "12. Recovery: hosts in network namespaces, one host lost";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (HostNetwork.WhyUnavailable() is { } reason)
        {
            Console.WriteLine($"[bench] skipped: {reason}");
            return new ScenarioResult(Name, [], [$"skipped: {reason}"]);
        }

        return await DisruptedLoad.RunAsync(
            Name,
            settings,
            (Quick: 25, Full: 50),
            "the busiest silo's host lost (SIGKILL of its processes, its address removed)",
            LoseBusiestHostAsync,
            cancellationToken,
            startAfterEnded: 0.5,
            hostPerProcess: true);
    }

    private static async Task<IReadOnlyList<Figure>> LoseBusiestHostAsync(LoopbackSystem system, CancellationToken cancellationToken)
    {
        var victim = await BusiestSiloAsync(system);
        var clock = Stopwatch.StartNew();
        await system.KillHostAsync(victim);

        // Read after the kill: what the dead host can no longer finish is what it held.
        var held = (await system.Database.QueryAsync($"SELECT job_id FROM ssnews_jobs WHERE status = 'processing' AND worker_id LIKE '{victim.WorkerIdPattern}'"))
            .Select(row => row["job_id"]!)
            .ToList();
        Console.WriteLine($"[bench] lost the host {victim.Host!.Namespace} ({victim.Address}) running {held.Count} jobs");
        var answer = await ConnectOutcomeAsync(victim);
        Console.WriteLine($"[bench] a connect to {victim.Address}:{victim.SiloPort} after the loss: {answer}");
        if (answer is SocketError.ConnectionRefused or SocketError.Success)
        {
            throw new InvalidOperationException($"the lost host's address {victim.Address} still answered a connect ({answer}); the scenario would not show a host that vanished");
        }

        await Eventually.Until(
            async () => await system.Database.CountAsync($"SELECT COUNT(*) FROM {victim.MembershipRows} AND Status = {Dead}") > 0,
            RecoveryBound,
            $"the surviving silos to declare the silo on {victim.Address} Dead in the membership table");
        var declaredDeadAfter = clock.Elapsed.TotalSeconds;

        await Eventually.Until(
            async () => held.Count == 0 || await system.Database.CountAsync(
                $"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id IN ({string.Join(',', held)}) AND status NOT IN ('completed', 'failed', 'cancelled')") == 0,
            RecoveryBound,
            $"the {held.Count} jobs the lost host held to end on the surviving silos");
        var recoveredAfter = clock.Elapsed.TotalSeconds;
        var heldCompleted = held.Count == 0 ? 0 : await system.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id IN ({string.Join(',', held)}) AND status = 'completed'");

        // A live silo's own view: the cluster the admin API reports is read from a surviving silo's membership.
        using var response = await system.Admin.GetAsync("/api/admin/cluster", cancellationToken);
        var listed = (await ApiResponses.ReadSuccessAsync(response, "reading the cluster", cancellationToken))["silos"]!.AsArray()
            .Select(silo => silo!["siloAddress"]!.GetValue<string>())
            .ToList();
        var survivors = system.Silos.Where(s => s != victim && !s.Process.HasExited).ToList();
        var clusterAgrees = !listed.Any(victim.Is) && survivors.All(s => listed.Any(s.Is));
        Console.WriteLine($"[bench] the cluster lists {string.Join(", ", listed)} as active");

        return
        [
            new("hosts (3 silos + API), same ports on each", system.Silos.Count + 1, "hosts", 0),
            new("jobs running on the lost host", held.Count, "jobs", 0),
            new("loss to the silo declared Dead in the membership table", declaredDeadAfter, "s", 1),
            new("loss to every job it held ended elsewhere (time to recover)", recoveredAfter, "s", 1),
            new("  of which completed", heldCompleted, "jobs", 0),
            new("survivors' cluster view: lost silo gone, survivors active (1 = yes)", clusterAgrees ? 1 : 0, "", 0, "1"),
        ];
    }

    /// <summary>How a TCP connect to the silo's old endpoint ends: a lost host neither accepts nor resets, it times out or is unreachable.</summary>
    private static async Task<SocketError> ConnectOutcomeAsync(SiloHandle silo)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(silo.Address), silo.SiloPort, bound.Token);
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
        catch (OperationCanceledException)
        {
            return SocketError.TimedOut;
        }
    }

    private static async Task<SiloHandle> BusiestSiloAsync(LoopbackSystem system)
    {
        var busiest = system.Silos[0];
        long most = -1;
        foreach (var silo in system.Silos.Where(s => !s.Process.HasExited))
        {
            var running = await system.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE status = 'processing' AND worker_id LIKE '{silo.WorkerIdPattern}'");
            if (running > most)
            {
                (busiest, most) = (silo, running);
            }
        }

        return busiest;
    }
}
