using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Peers;
using IdeogramJobs.Benchmarks.Reporting;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 2: what the engine itself carries. The simulator answers at once, jobs have one
/// image, rate limits are out of the way, and completion is counted in ssnews_jobs every 250 ms.
/// Two references run in the same run: Quartz.NET clustered on its ADO.NET job store doing the same
/// job over as many accounts at the same concurrency (the peer, <see cref="QuartzPeerRun"/>), and the
/// same number of jobs' durable row writes issued directly (the floor, <see cref="RawWriteBaseline"/>).
/// Everything runs on a MariaDB server of the scenario's own, so its statement counters count nothing else.
/// </summary>
public sealed class OrchestrationThroughputScenario : IScenario
{
    /// <summary>One scheduler process, as our side runs one silo: the comparison is engine against engine on the same two cores.</summary>
    private const int QuartzInstances = 1;

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Orleans' count of messages its dispatcher received (requests and responses, local and remote).</summary>
    private const string GrainMessagesMetric = "orleans_messaging_processing_dispatcher_received_total";

    /// <summary>Orleans' count of application grain calls (the latency histogram's count).</summary>
    private const string GrainCallsMetric = "orleans_app_requests_latency_milliseconds_count";

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
            $"peer: Quartz.NET 4.7.3, clustered ADO.NET job store (MySQL delegate, MySqlConnector) in a database of its own on the same MariaDB, {QuartzInstances} scheduler process(es) of {concurrency} threads beside a simulator of its own with the same settings; each job inserts the job and settings rows, marks processing, calls the generate route, downloads the image, writes it (shard folder by hash, no fsync per file), inserts the image row and marks completed, as ours do; its submission (rows and ScheduleJob) runs in its process, as ours runs in the API",
            "statements per job: MariaDB's Questions (every statement, transaction control included) and Com_select+insert+update+delete, before and after on the scenario's own server, less the benchmark's completion polls (one SELECT each 250 ms)",
        };

        JobCounts counts;
        double submitSeconds;
        double endToEndSeconds;
        IReadOnlyDictionary<string, double> cpuPerJob;
        MariaDbStatements statements;
        double billedPerJob;
        var messageFigures = new List<Figure>();
        await using var server = await PrivateMariaDb.StartAsync(cancellationToken);
        var siloHttpPort = FreePort.Next();
        var deployment = ServiceSettings.InstantProvider(concurrency) with
        {
            DatabaseServerUrl = server.Url,
            SiloEnvironment = new Dictionary<string, string?> { ["SILO_HTTP_PORT"] = siloHttpPort.ToString(CultureInfo.InvariantCulture) },
        };
        await using (var system = await LoopbackSystem.StartAsync(deployment))
        {
            using var siloMetrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{siloHttpPort}"), Timeout = TimeSpan.FromSeconds(15) };
            IReadOnlyDictionary<string, double> Cpu() => new Dictionary<string, double>(system.CpuSeconds())
            {
                // The scenario's own server, not whichever MariaDB the machine runs first.
                ["MariaDB"] = ProcessCpu.SecondsOf(server.ProcessId),
            };

            var members = await system.NewAccountsAsync(accounts, "tput");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(bound);
            var warmUp = JobSubmitter.SubmitAllAsync(members, warmUpPerAccount, (_, _) => 1, "warm-up header", timeout.Token);
            if (await system.WaitUntilAllEndedAsync(warmUp, warmUpJobs, PollEvery, timeout.Token) is not { } warmed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ScenarioResult.Failed(Name, $"the {warmUpJobs} warm-up jobs did not all end within {bound.TotalSeconds:0} s");
            }

            var metricsBefore = await PrometheusScrape.ReadAsync(siloMetrics, "/metrics", timeout.Token);
            var billedBefore = (await system.SimulatorTotalsAsync(timeout.Token))["succeeded"]!.GetValue<long>();
            var statementsBefore = await MariaDbStatements.ReadAsync(system.Database.ConnectionString, timeout.Token);
            var cpuBefore = Cpu();
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

            endToEndSeconds = clock.Elapsed.TotalSeconds;
            cpuPerJob = Cpu().ToDictionary(used => used.Key, used => (used.Value - cpuBefore[used.Key]) * 1000 / totalJobs);
            var polls = (long)Math.Floor(endToEndSeconds / PollEvery.TotalSeconds);
            statements = (await MariaDbStatements.ReadAsync(system.Database.ConnectionString, timeout.Token)).Since(statementsBefore, polls);
            notes.Add("ours, statements per job by command: " + statements.LargestPerJob(totalJobs, 8));
            notes.Add($"ours, database connections opened during the measured jobs: {statements.Connections} (a warm pool opens none)");
            counts = ended.Since(warmed);
            submitSeconds = submitted;
            var billed = (await system.SimulatorTotalsAsync(timeout.Token))["succeeded"]!.GetValue<long>() - billedBefore;
            billedPerJob = counts.Completed == 0 ? double.NaN : (double)billed / counts.Completed;
            var metricsAfter = await PrometheusScrape.ReadAsync(siloMetrics, "/metrics", timeout.Token);
            messageFigures.AddRange(GrainFigures(metricsBefore, metricsAfter, totalJobs, notes));
        }

        await RawWriteBaseline.RunAsync(server.Url, warmUpJobs, concurrency, cancellationToken);
        var baselineCpuBefore = BaselineCpuSeconds(server);
        var baseline = await RawWriteBaseline.RunAsync(server.Url, totalJobs, concurrency, cancellationToken);
        var baselineCpuPerJob = (BaselineCpuSeconds(server) - baselineCpuBefore) * 1000 / totalJobs;

        using var peerTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        peerTimeout.CancelAfter(bound);
        var peerFigures = new List<Figure>();
        var systemRate = totalJobs / endToEndSeconds;
        var baselineRate = totalJobs / baseline.TotalSeconds;
        var engineCpuPerJob = cpuPerJob["silo"] + cpuPerJob["API"];
        try
        {
            var peer = await QuartzPeerRun.RunAsync(server.Url, server.ProcessId, QuartzInstances, accounts, warmUpPerAccount, jobsPerAccount, concurrency, peerTimeout.Token);
            var peerRate = totalJobs / peer.Seconds;
            peerFigures.AddRange(
            [
                new("Quartz.NET peer: end-to-end", peer.Seconds, "s", 1),
                new("Quartz.NET peer: throughput", peerRate, "jobs/s", 1),
                new("Quartz.NET peer: jobs completed", peer.Completed, "jobs", 0),
                new("Quartz.NET peer: jobs failed", peer.Failed, "jobs", 0),
                new("ratio (ours / Quartz.NET)", systemRate / peerRate, "x", 2, ">= 2"),
                new("CPU per job: Quartz.NET peer (its process)", peer.CpuMsPerJob, "ms", 2),
                new("CPU per job: Quartz.NET peer's MariaDB", peer.MariaDbCpuMsPerJob, "ms", 2),
                new("CPU ratio per job (Quartz.NET / ours: silo + API)", peer.CpuMsPerJob / engineCpuPerJob, "x", 2),
                new("statements per job: Quartz.NET peer (Questions)", peer.StatementsPerJob, "statements", 2),
                new("statements per job: Quartz.NET peer (select+insert+update+delete)", peer.DataStatementsPerJob, "statements", 2),
                new("billed generations per completed job: Quartz.NET peer", peer.BilledPerJob, "generations", 2, "1.00"),
            ]);
            notes.Add("Quartz.NET peer, statements per job by command: " + peer.StatementsByCommand);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            notes.Add($"the Quartz.NET peer could not run: {e.GetType().Name}: {e.Message}");
        }

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
            new("CPU per job: ours (silo + API)", engineCpuPerJob, "ms", 2, "<= 2.5"),
            new("baseline CPU per job (MariaDB and client)", baselineCpuPerJob, "ms", 2),
            new("statements per job: ours (Questions)", (double)statements.Questions / totalJobs, "statements", 2, "<= 5"),
            new("statements per job: ours (select+insert+update+delete)", (double)statements.DataStatements / totalJobs, "statements", 2),
            .. messageFigures,
            new("billed generations per completed job: ours", billedPerJob, "generations", 2, "1.00"),
            .. peerFigures,
        ], notes);
    }

    /// <summary>Grain messages and calls per job from the silo's /metrics, or a note naming what Orleans exposed instead.</summary>
    private static IEnumerable<Figure> GrainFigures(PrometheusScrape before, PrometheusScrape after, int jobs, List<string> notes)
    {
        var figures = new List<Figure>();
        foreach (var (metric, name, unit) in new[] { (GrainMessagesMetric, "grain messages per job (silo dispatcher)", "messages"), (GrainCallsMetric, "grain calls per job", "calls") })
        {
            if (after.Sum(metric) is { } total)
            {
                figures.Add(new Figure(name, (total - (before.Sum(metric) ?? 0)) / jobs, unit, 1));
            }
            else
            {
                notes.Add($"{metric} is not on the silo's /metrics; its Orleans metrics are: {string.Join(", ", after.NamesStartingWith("orleans_"))}");
            }
        }

        return figures;
    }

    private static double BaselineCpuSeconds(PrivateMariaDb server) =>
        ProcessCpu.SecondsOf(Environment.ProcessId) + ProcessCpu.SecondsOf(server.ProcessId);
}
