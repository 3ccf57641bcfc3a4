using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 4: a silo dies with SIGKILL half way through a run on three silos. The victim is
/// the silo running the most jobs at that moment; its jobs count as recovered once each is running
/// on another silo or has ended. At the end nothing may be lost, doubled or left processing.
/// </summary>
public sealed class RecoveryScenario : IScenario
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public int Number => 4;

    public string Name => "4. Recovery";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 5 : 10;
        var jobsPerAccount = settings.Quick ? 6 : 20;
        var latencySeconds = settings.Quick ? 1.0 : 5.0;
        const int perAccount = 3;
        var inflight = accounts * perAccount;
        var totalJobs = accounts * jobsPerAccount;
        var bound = TimeSpan.FromSeconds(300);

        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: inflight,
            IdeogramMaxInflightImages: inflight,
            MaxConcurrentJobs: perAccount)
        { Silos = 3 });
        var members = await system.NewAccountsAsync(accounts, "recover");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        await JobSubmitter.SubmitAllAsync(members, jobsPerAccount, (_, _) => 1, "recovery header", timeout.Token);

        var counts = await system.CountJobsAsync();
        SiloHandle? victim = null;
        var held = new List<string>();
        double killedAt = 0;
        double? recoveredAt = null;
        double? drainedAt = null;
        using var ticker = new PeriodicTimer(PollEvery);
        try
        {
            while (drainedAt is null && await ticker.WaitForNextTickAsync(timeout.Token))
            {
                counts = await system.CountJobsAsync();
                if (victim is null && counts.Terminal >= totalJobs / 2)
                {
                    victim = await BusiestSiloAsync(system);
                    await system.KillSiloAsync(victim);
                    killedAt = clock.Elapsed.TotalSeconds;

                    // Read after the kill: what the dead silo can no longer finish is what it held.
                    held = [.. (await system.Database.QueryAsync(RunningOn(victim, "job_id"))).Select(row => row["job_id"]!)];
                    Console.WriteLine($"[bench] killed the silo on port {victim.SiloPort} running {held.Count} jobs at {killedAt:0.0} s");
                }

                if (victim is not null && recoveredAt is null && (held.Count == 0 || await system.Database.CountAsync(NotYetRunningElsewhere(victim, held)) == 0))
                {
                    recoveredAt = clock.Elapsed.TotalSeconds;
                }

                if (victim is not null && counts.Terminal >= totalJobs)
                {
                    drainedAt = clock.Elapsed.TotalSeconds;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below: what did not end within the bound is what was lost or stuck.
        }

        var integrity = await system.CheckIntegrityAsync();
        var accounting = await RunAccounting.ReadAsync(system, cancellationToken);
        var figures = new List<Figure>
        {
            new("jobs", totalJobs, "jobs", 0),
            new("silos", 3, "silos", 0),
            new("jobs running on the killed silo", held.Count, "jobs", 0),
            new("killed at", killedAt, "s", 1),
            new("kill to every held job running elsewhere (or ended)", recoveredAt is { } r ? r - killedAt : double.NaN, "s", 1),
            new("kill to every job ended", drainedAt is { } d ? d - killedAt : double.NaN, "s", 1),
            new("lost (not ended within the bound)", totalJobs - counts.Terminal, "jobs", 0),
            new("duplicate image rows", integrity.DuplicateImageRows, "rows", 0),
            new("completed without an image", integrity.CompletedWithoutImages, "jobs", 0),
            new("still processing at the end", integrity.StillProcessing, "jobs", 0),
            new("retries", integrity.Retries, "attempts", 0),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed", counts.Failed, "jobs", 0),
            new("over-limit sends (simulator's in-flight 429s)", accounting.OverLimit, "sends", 0),
            new("generations billed per completed job", accounting.BilledPerCompletedJob, "per job", 2),
            new("jobs billed more than once", accounting.JobsBilledMoreThanOnce, "jobs", 0),
            new("  of which no attempt failed (two attempts at once)", accounting.BilledAgainWithoutFailedAttempt, "jobs", 0),
            new("attempts lost to our own faults (over-limit, storage, timeouts)", accounting.Causes.OwnFaults(providerHangs: false), "attempts", 0),
            new("attempts interrupted by the kill", accounting.Causes.Interrupted, "attempts", 0),
        };
        var notes = new List<string>
        {
            $"3 silos, simulator latency {latencySeconds:0.#} s on average, {accounts} accounts x {jobsPerAccount} one-image blog_header jobs, MAX_CONCURRENT_JOBS {perAccount}, in-flight limit {inflight}; SIGKILL once half the jobs had ended; production defaults for membership and JOB_REMINDER_PERIOD_SECONDS",
        };
        if (accounting.IdleNote is { } idle)
        {
            notes.Add(idle);
        }

        return drainedAt is not null && recoveredAt is not null
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name, $"within {bound.TotalSeconds:0} s the killed silo's jobs {(recoveredAt is null ? "did not all run again" : "ran again")} and {counts.Terminal} of {totalJobs} jobs ended", figures);
    }

    private static async Task<SiloHandle> BusiestSiloAsync(LoopbackSystem system)
    {
        var busiest = system.Silos[0];
        long most = -1;
        foreach (var silo in system.Silos.Where(s => !s.Process.HasExited))
        {
            var running = await system.Database.CountAsync(RunningOn(silo, "COUNT(*)"));
            if (running > most)
            {
                (busiest, most) = (silo, running);
            }
        }

        return busiest;
    }

    private static string RunningOn(SiloHandle silo, string select) =>
        $"SELECT {select} FROM ssnews_jobs WHERE status = 'processing' AND worker_id LIKE '{silo.WorkerIdPattern}'";

    /// <summary>Of the killed silo's jobs, those neither ended nor running on another silo yet (a scheduled retry has no worker).</summary>
    private static string NotYetRunningElsewhere(SiloHandle victim, IReadOnlyList<string> held) =>
        $"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id IN ({string.Join(',', held)}) AND status = 'processing' AND (worker_id IS NULL OR worker_id LIKE '{victim.WorkerIdPattern}')";
}
