using System.Diagnostics;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// The load of the recovery scenarios that disturb the cluster rather than one job: three silos,
/// Ideogram's real limit of 10 in-flight images with more jobs ready than fit (1-4 images each), and
/// a disruption started once a given share of the jobs (a fifth unless told) have ended, while the rest still run and wait.
/// Production defaults for timeouts, membership and reminders. It reports what users would notice:
/// jobs lost or failed, sends over the limit, and generations paid for per job.
/// </summary>
public static class DisruptedLoad
{
    private const int InflightLimit = 10;
    private const int PerAccount = 5;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Every how many polls the capacity grain is compared with Ideogram's count, once the disruption began.</summary>
    private const int CapacityEvery = 8;

    /// <summary>
    /// Runs the load and <paramref name="disrupt"/> (which returns its own figures) in the scenario
    /// <paramref name="name"/>; <paramref name="jobsPerAccount"/> sets how long the load lasts,
    /// <paramref name="meanLatencySeconds"/> how long Ideogram takes per request (1 s quick, 2 s full unless given),
    /// <paramref name="startAfterEnded"/> the share of jobs ended before the disruption starts, and
    /// <paramref name="hostPerProcess"/> whether each silo and the API run on a host of their own.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(
        string name,
        BenchSettings settings,
        (int Quick, int Full) jobsPerAccount,
        string disruption,
        Func<LoopbackSystem, CancellationToken, Task<IReadOnlyList<Figure>>> disrupt,
        CancellationToken cancellationToken,
        (double Quick, double Full)? meanLatencySeconds = null,
        double startAfterEnded = 0.2,
        bool hostPerProcess = false)
    {
        var accounts = settings.Quick ? 4 : 10;
        var perAccountJobs = settings.Quick ? jobsPerAccount.Quick : jobsPerAccount.Full;
        var latency = meanLatencySeconds ?? (1.0, 2.0);
        var latencySeconds = settings.Quick ? latency.Quick : latency.Full;
        var random = new Random(23);
        var plan = Enumerable.Range(0, accounts).Select(_ => Enumerable.Range(0, perAccountJobs).Select(_ => random.Next(1, 5)).ToArray()).ToArray();
        var totalJobs = accounts * perAccountJobs;
        var idealSeconds = plan.Sum(p => p.Sum()) * latencySeconds / InflightLimit;
        var bound = TimeSpan.FromSeconds((idealSeconds * 3) + 240);

        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: InflightLimit,
            IdeogramMaxInflightImages: InflightLimit,
            MaxConcurrentJobs: PerAccount,
            SimulatorImageScale: 8)
        { Silos = 3, HostPerProcess = hostPerProcess });
        var members = await system.NewAccountsAsync(accounts, "disrupt");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        var submissions = JobSubmitter.SubmitAllAsync(members, perAccountJobs, (a, j) => plan[a][j], "disrupted header", timeout.Token);
        Task<IReadOnlyList<Figure>>? disrupting = null;
        double startedAt = 0;
        var counts = await system.CountJobsAsync();
        double? drainedAt = null;
        var capacity = new CapacityWatch(system);
        var ticks = 0;
        using var ticker = new PeriodicTimer(PollEvery);
        try
        {
            while (drainedAt is null && await ticker.WaitForNextTickAsync(timeout.Token))
            {
                if (submissions.IsFaulted)
                {
                    await submissions;
                }

                counts = await system.CountJobsAsync();
                if (disrupting is null && counts.Terminal >= totalJobs * startAfterEnded)
                {
                    startedAt = clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"[bench] {startedAt:0.0} s: {disruption}; {counts.Terminal} of {totalJobs} jobs ended");
                    disrupting = disrupt(system, timeout.Token);
                }

                if (disrupting is not null && ++ticks % CapacityEvery == 0)
                {
                    await capacity.SampleAsync(timeout.Token);
                }

                if (disrupting?.IsCompleted == true && submissions.IsCompletedSuccessfully && counts.Terminal >= totalJobs)
                {
                    drainedAt = clock.Elapsed.TotalSeconds;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Reported below: what did not end within the bound is what was lost or stuck.
        }

        var disruptionFigures = disrupting is { IsCompletedSuccessfully: true } ? await disrupting : [];
        var accounting = await RunAccounting.ReadAsync(system, cancellationToken);
        counts = accounting.Counts;
        var integrity = await system.CheckIntegrityAsync();
        var figures = new List<Figure>
        {
            new("jobs", totalJobs, "jobs", 0),
            new("jobs accepted (202)", counts.Total, "jobs", 0),
            new("disruption started at", startedAt, "s", 1),
        };
        figures.AddRange(disruptionFigures);
        figures.AddRange(
        [
            new("lost (not ended within the bound)", totalJobs - counts.Terminal, "jobs", 0, "0"),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed", counts.Failed, "jobs", 0, "0"),
            new("duplicate image rows", integrity.DuplicateImageRows, "rows", 0, "0"),
            new("still processing at the end", integrity.StillProcessing, "jobs", 0, "0"),
        ]);
        figures.AddRange(accounting.Figures(providerHangs: false, withTargets: true));
        figures.AddRange(capacity.Figures());
        if (capacity.WorstHolds is { } worst)
        {
            Console.WriteLine($"[bench] the capacity grain's holds at the worst moment: {worst}");
        }

        figures.AddRange(
        [
            new("time to drain (first submit to every job ended)", drainedAt ?? double.NaN, "s", 1),
            new("ideal (image-seconds / 10 in-flight images)", idealSeconds, "s", 1),
        ]);
        var notes = new List<string>
        {
            $"3 silos{(hostPerProcess ? ", each and the API on a host of its own (network namespace)" : string.Empty)}; {disruption} once {startAfterEnded * 100:0}% of the jobs had ended; {accounts} accounts x {perAccountJobs} blog_header jobs of 1-4 images at DEFAULT (mean {latencySeconds:0.#} s, drawn per request), MAX_CONCURRENT_JOBS {PerAccount}, in-flight limit {InflightLimit} images; production defaults for timeouts, membership and JOB_REMINDER_PERIOD_SECONDS",
            "a generation cut off by a silo's end runs on at the provider, holding its images until it ends, and is billed: a job resumed elsewhere is billed again unless the engine waits for it",
        };
        if (accounting.IdleNote is { } idle)
        {
            notes.Add(idle);
        }

        if (disrupting is { IsFaulted: true })
        {
            return ScenarioResult.Failed(name, $"the disruption failed: {disrupting.Exception!.InnerException!.Message}", figures);
        }

        if (drainedAt is null)
        {
            // What a failed run needs to be understood where only its printout is kept (CI).
            var membership = await system.Database.QueryAsync("SELECT Address, Port, Status, SuspectTimes FROM OrleansMembershipTable");
            Console.WriteLine($"[bench] membership: {string.Join("; ", membership.Select(m => $"{m["Address"]}:{m["Port"]} status {m["Status"]} suspected {m["SuspectTimes"]}"))}");
            Console.WriteLine($"[bench] the processes' last output:{Environment.NewLine}{system.Output}");
        }

        return drainedAt is not null
            ? new ScenarioResult(name, figures, notes)
            : ScenarioResult.Failed(name, $"within {bound.TotalSeconds:0} s {counts.Terminal} of {totalJobs} jobs ended" + (disrupting?.IsCompleted == true ? string.Empty : " and the disruption had not finished"), figures);
    }
}
