using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 6: a flaky provider and dying silos at once. The simulator fails a fifth of the
/// requests transiently (500/503) and holds one in twenty until the job timeout cuts it; every
/// interval the oldest live silo is killed with SIGKILL and a fresh one started (the next kill waits
/// until that one has joined). Every job must still end, once, with its images recorded once.
/// </summary>
public sealed class ChaosSoakScenario : IScenario
{
    private const int Silos = 3;
    private const int RetryMaxAttempts = 5;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public int Number => 6;

    public string Name => "6. Chaos soak";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 4 : 20;
        var jobsPerAccount = settings.Quick ? 25 : 100;
        var latencySeconds = settings.Quick ? 0.5 : 1.0;
        var killEvery = TimeSpan.FromSeconds(settings.Quick ? 6 : 60);
        var jobTimeoutSeconds = settings.Quick ? 5 : 10;
        const int perAccount = 3;
        var inflight = settings.Quick ? 12 : 40;
        var totalJobs = accounts * jobsPerAccount;
        var bound = TimeSpan.FromMinutes(settings.Quick ? 4 : 20);

        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: inflight,
            IdeogramMaxInflightImages: inflight,
            MaxConcurrentJobs: perAccount)
        {
            Silos = Silos,
            SimulatorEnvironment = new Dictionary<string, string?>
            {
                ["SIMULATOR_FAILURE_RATE_500"] = "0.1",
                ["SIMULATOR_FAILURE_RATE_503"] = "0.1",
                ["SIMULATOR_FAILURE_RATE_HANG"] = "0.05",
                ["SIMULATOR_HANG_SECONDS"] = "120",
            },
            SiloEnvironment = new Dictionary<string, string?>
            {
                ["JOB_TIMEOUT_SECONDS"] = jobTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                ["RETRY_MAX_ATTEMPTS"] = RetryMaxAttempts.ToString(CultureInfo.InvariantCulture),
            },
        });
        var members = await system.NewAccountsAsync(accounts, "chaos");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var random = new Random(17);
        var plan = members.Select(_ => Enumerable.Range(0, jobsPerAccount).Select(_ => random.Next(1, 3)).ToArray()).ToArray();
        var clock = Stopwatch.StartNew();
        await JobSubmitter.SubmitAllAsync(members, jobsPerAccount, (a, j) => plan[a][j], "chaos header", timeout.Token);
        var submittedAt = clock.Elapsed.TotalSeconds;

        var kills = 0;
        var failedRestarts = 0;
        Task<SiloHandle>? restarting = null;
        var nextKill = killEvery;
        var counts = await system.CountJobsAsync();
        double? drainedAt = null;
        using var ticker = new PeriodicTimer(PollEvery);
        try
        {
            while (await ticker.WaitForNextTickAsync(timeout.Token))
            {
                counts = await system.CountJobsAsync();
                if (counts.Terminal >= totalJobs)
                {
                    drainedAt = clock.Elapsed.TotalSeconds;
                    break;
                }

                if (clock.Elapsed >= nextKill && restarting?.IsCompleted != false)
                {
                    failedRestarts += restarting?.IsFaulted == true ? 1 : 0;
                    var victim = system.Silos.First(s => !s.Process.HasExited);
                    await system.KillSiloAsync(victim);
                    kills++;
                    Console.WriteLine($"[bench] {clock.Elapsed.TotalSeconds:0} s: killed the silo on port {victim.SiloPort}; {counts.Terminal} of {totalJobs} jobs ended");
                    restarting = system.StartSiloAsync(timeout.Token);
                    nextKill = clock.Elapsed + killEvery;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below: whatever did not end within the bound.
        }

        failedRestarts += restarting is null || await Joined(restarting) ? 0 : 1;
        var integrity = await system.CheckIntegrityAsync();
        var accounting = await RunAccounting.ReadAsync(system, cancellationToken);
        var simulator = await system.SimulatorTotalsAsync(cancellationToken);
        int Counter(string name) => simulator[name]?.GetValue<int>() ?? 0;
        var figures = new List<Figure>
        {
            new("jobs", totalJobs, "jobs", 0),
            new("silo kills (SIGKILL, then a fresh silo)", kills, "kills", 0),
            new("fresh silos that did not join", failedRestarts, "silos", 0),
            new("terminal share", 100.0 * counts.Terminal / totalJobs, "%", 1),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed (attempts exhausted)", counts.Failed, "jobs", 0),
            new("lost (not ended within the bound)", totalJobs - counts.Terminal, "jobs", 0),
            new("duplicate image rows", integrity.DuplicateImageRows, "rows", 0),
            new("completed without an image", integrity.CompletedWithoutImages, "jobs", 0),
            new("stuck processing at the end", integrity.StillProcessing, "jobs", 0),
            new("retries", integrity.Retries, "attempts", 0),
            new("simulator requests", Counter("requests"), "requests", 0),
            new("simulator injected 5xx", Counter("injected5xx"), "responses", 0),
            new("simulator injected hangs", Counter("hangs"), "requests", 0),
            new("simulator in-flight 429s", Counter("rejectedInflight"), "responses", 0),
            new("generations billed per completed job", accounting.BilledPerCompletedJob, "per job", 2),
            new("jobs billed more than once", accounting.JobsBilledMoreThanOnce, "jobs", 0),
            new("  of which no attempt failed (two attempts at once)", accounting.BilledAgainWithoutFailedAttempt, "jobs", 0),
            new("attempts lost to our own faults (over-limit, storage)", accounting.Causes.OwnFaults(providerHangs: true), "attempts", 0),
            new("submission", submittedAt, "s", 1),
            new("time to drain (first submit to every job ended)", drainedAt ?? double.NaN, "s", 1),
        };
        var notes = new List<string>
        {
            $"{Silos} silos, a silo killed every {killEvery.TotalSeconds:0} s and replaced; simulator latency {latencySeconds:0.0#} s on average, 10% 500 + 10% 503 + 5% hangs (held 120 s), in-flight limit {inflight}",
            $"{accounts} accounts x {jobsPerAccount} blog_header jobs of 1-2 images, MAX_CONCURRENT_JOBS {perAccount}, JOB_TIMEOUT_SECONDS {jobTimeoutSeconds}, RETRY_MAX_ATTEMPTS {RetryMaxAttempts} (a failed job is one whose every attempt failed)",
        };
        if (accounting.IdleNote is { } idle)
        {
            notes.Add(idle);
        }

        return drainedAt is not null
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name, $"{totalJobs - counts.Terminal} of {totalJobs} jobs had not ended within {bound.TotalMinutes:0} min", figures);
    }

    private static async Task<bool> Joined(Task<SiloHandle> restarting)
    {
        try
        {
            await restarting;
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
