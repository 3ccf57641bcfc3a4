using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 2: what the engine itself carries. The simulator answers at once, jobs have one
/// image, rate limits are out of the way, and completion is counted in ssnews_jobs every 250 ms.
/// The same number of jobs' durable row writes, issued directly at the same concurrency, is the
/// baseline the end-to-end rate is compared with.
/// </summary>
public sealed class OrchestrationThroughputScenario : IScenario
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public int Number => 2;

    public string Name => "2. Orchestration throughput";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var totalJobs = settings.Quick ? 200 : 5000;
        var accounts = settings.Quick ? 10 : 50;
        var concurrency = settings.Quick ? 20 : 50;
        var jobsPerAccount = totalJobs / accounts;
        // Steady-state figures: the first jobs pay for JIT compilation, connection pools and activations.
        var warmUpPerAccount = settings.Quick ? 1 : 10;
        var warmUpJobs = warmUpPerAccount * accounts;
        var bound = TimeSpan.FromSeconds(Math.Max(120, totalJobs / 5));
        var notes = new List<string>
        {
            ServiceSettings.InstantProviderNote(accounts, jobsPerAccount, concurrency) + "; local-disk storage",
            $"baseline: the same {totalJobs} jobs' row writes with {concurrency} MySqlConnector writers into a fresh database",
            $"both measured after a warm-up of {warmUpJobs} jobs that the figures leave out",
        };

        JobCounts counts;
        double submitSeconds;
        double endToEndSeconds;
        IReadOnlyDictionary<string, double> cpuPerJob;
        await using (var system = await LoopbackSystem.StartAsync(ServiceSettings.InstantProvider(concurrency)))
        {
            var members = await system.NewAccountsAsync(accounts, "tput");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(bound);
            var warmUp = JobSubmitter.SubmitAllAsync(members, warmUpPerAccount, (_, _) => 1, "warm-up header", timeout.Token);
            if (await system.WaitUntilAllEndedAsync(warmUp, warmUpJobs, PollEvery, timeout.Token) is not { } warmed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ScenarioResult.Failed(Name, $"the {warmUpJobs} warm-up jobs did not all end within {bound.TotalSeconds:0} s");
            }

            var cpuBefore = system.CpuSeconds();
            var clock = Stopwatch.StartNew();
            var submitted = 0.0;
            var submissions = JobSubmitter.SubmitAllAsync(members, jobsPerAccount, (_, _) => 1, "throughput header", timeout.Token).ContinueWith(t =>
            {
                submitted = clock.Elapsed.TotalSeconds;
                return t;
            }, TaskScheduler.Default).Unwrap();

            if (await system.WaitUntilAllEndedAsync(submissions, warmUpJobs + totalJobs, PollEvery, timeout.Token) is not { } ended)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ScenarioResult.Failed(Name, $"not every job ended within {bound.TotalSeconds:0} s: {await system.CountJobsAsync()} of {warmUpJobs + totalJobs}");
            }

            counts = ended.Since(warmed);
            endToEndSeconds = clock.Elapsed.TotalSeconds;
            submitSeconds = submitted;
            cpuPerJob = system.CpuSeconds().ToDictionary(used => used.Key, used => (used.Value - cpuBefore[used.Key]) * 1000 / totalJobs);
        }

        await RawWriteBaseline.RunAsync(warmUpJobs, concurrency, cancellationToken);
        var baselineCpuBefore = BaselineCpuSeconds();
        var baseline = await RawWriteBaseline.RunAsync(totalJobs, concurrency, cancellationToken);
        var baselineCpuPerJob = (BaselineCpuSeconds() - baselineCpuBefore) * 1000 / totalJobs;
        var systemRate = totalJobs / endToEndSeconds;
        var baselineRate = totalJobs / baseline.TotalSeconds;
        var cpuFigures = cpuPerJob.Select(used => new Figure($"CPU per job: {used.Key}", used.Value, "ms", 2)).ToList();
        cpuFigures.Add(new("CPU per job: all of the above", cpuPerJob.Values.Sum(), "ms", 2));
        return new ScenarioResult(Name,
        [
            new("jobs", totalJobs, "jobs", 0),
            new("submission (all accepted)", submitSeconds, "s", 1),
            new("submission rate", totalJobs / submitSeconds, "jobs/s", 1),
            new("end-to-end (first submit to last job ended)", endToEndSeconds, "s", 1),
            new("end-to-end throughput", systemRate, "jobs/s", 1),
            new("drain after the last submission was accepted", endToEndSeconds - submitSeconds, "s", 1),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed", counts.Failed, "jobs", 0),
            new("raw MySqlConnector baseline", baseline.TotalSeconds, "s", 1),
            new("raw baseline throughput", baselineRate, "jobs/s", 1),
            new("ratio (end-to-end / baseline)", systemRate / baselineRate, "x", 2),
            .. cpuFigures,
            new("baseline CPU per job (MariaDB and client)", baselineCpuPerJob, "ms", 2),
        ], notes);
    }

    private static double BaselineCpuSeconds() =>
        ProcessCpu.SecondsOf(Environment.ProcessId) + (ProcessCpu.MariaDbServer() is { } mariaDb ? ProcessCpu.SecondsOf(mariaDb) : 0);
}
