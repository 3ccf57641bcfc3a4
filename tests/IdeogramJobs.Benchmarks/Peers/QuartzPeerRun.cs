using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// The peer baseline of scenario 2: Quartz.NET, clustered on its ADO.NET job store, running the same
/// job as ours (the simulator's generate route, the download, the file, the c360req rows) over the same
/// accounts at the same concurrency. Its scheduler runs in processes of its own, as our silo does, on
/// the same MariaDB server: the c360req tables in one new database and Quartz's own tables, which its
/// store creates at start, in another. It has a simulator of its own with the same settings as ours.
/// Figures are taken after a warm-up, as ours are, and the completion is polled the same way.
/// </summary>
public static class QuartzPeerRun
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    public static async Task<QuartzPeerResult> RunAsync(
        string databaseServerUrl, int mariaDbProcessId, int instances, int accounts, int warmUpPerAccount, int jobsPerAccount, int concurrency, CancellationToken cancellationToken)
    {
        var jobsDatabase = new TestDatabase(databaseServerUrl);
        var quartzDatabase = new TestDatabase(databaseServerUrl);
        var imageRoot = Path.Combine(Path.GetTempPath(), "ij-bench-quartz-" + Guid.NewGuid().ToString("N"));
        var simulatorPort = FreePort.Next();
        Directory.CreateDirectory(imageRoot);
        await jobsDatabase.InitializeAsync();
        await quartzDatabase.InitializeAsync();
        var peers = new List<QuartzPeerProcess>();
        try
        {
            await jobsDatabase.MigrateAsync();
            await using var simulator = ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", new Dictionary<string, string?>
            {
                ["SIMULATOR_URLS"] = $"http://127.0.0.1:{simulatorPort}",
                ["SIMULATOR_LATENCY_SCALE"] = "0",
                ["SIMULATOR_INFLIGHT_LIMIT"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["SIMULATOR_IMAGE_SCALE"] = "8",
                ["LOG_LEVEL"] = "Warning",
            });
            using var simulatorClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simulatorPort}"), Timeout = TimeSpan.FromSeconds(15) };
            await Eventually.Until(async () => (await simulatorClient.GetAsync("/_simulator/stats", cancellationToken)).IsSuccessStatusCode, StartBound, "the Quartz peer's simulator to answer");

            var rows = new PeerJobRows(jobsDatabase.ConnectionString);
            var members = new List<PeerAccount>();
            for (var i = 0; i < accounts; i++)
            {
                var accountId = $"quartz{i.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..20];
                members.Add(new PeerAccount(accountId, await rows.CreateConfigurationAsync(accountId, cancellationToken)));
            }

            for (var i = 0; i < instances; i++)
            {
                peers.Add(QuartzPeerProcess.Start(new QuartzPeerSettings(
                    quartzDatabase.ConnectionString,
                    jobsDatabase.ConnectionString,
                    $"http://127.0.0.1:{simulatorPort}/",
                    imageRoot,
                    "http://127.0.0.1:8080",
                    concurrency,
                    "quartz-peer-" + i.ToString(CultureInfo.InvariantCulture),
                    members).ToEnvironment()));
            }

            // One instance at a time: the first creates Quartz's tables, the others find them.
            foreach (var peer in peers)
            {
                await peer.WaitForLineAsync(QuartzPeerHost.ReadyLine, StartBound, cancellationToken);
            }

            var warmUpJobs = warmUpPerAccount * accounts;
            var totalJobs = jobsPerAccount * accounts;
            await peers[0].SendAsync($"{QuartzPeerHost.SubmitCommand} {warmUpPerAccount} warm-up header");
            var warmed = await WaitUntilEndedAsync(jobsDatabase, warmUpJobs, peers[0], cancellationToken);

            var billedBefore = await BilledAsync(simulatorClient, cancellationToken);
            var statementsBefore = await MariaDbStatements.ReadAsync(jobsDatabase.ConnectionString, cancellationToken);
            var cpuBefore = peers.Sum(p => ProcessCpu.SecondsOf(p.ProcessId));
            var mariaDbCpuBefore = ProcessCpu.SecondsOf(mariaDbProcessId);
            var clock = Stopwatch.StartNew();
            await peers[0].SendAsync($"{QuartzPeerHost.SubmitCommand} {jobsPerAccount} throughput header");
            var ended = await WaitUntilEndedAsync(jobsDatabase, warmUpJobs + totalJobs, peers[0], cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = peers.Sum(p => ProcessCpu.SecondsOf(p.ProcessId)) - cpuBefore;
            var mariaDbCpu = ProcessCpu.SecondsOf(mariaDbProcessId) - mariaDbCpuBefore;
            var statements = (await MariaDbStatements.ReadAsync(jobsDatabase.ConnectionString, cancellationToken)).Since(statementsBefore, ended.Polls);
            var billed = await BilledAsync(simulatorClient, cancellationToken) - billedBefore;
            var completed = ended.Completed - warmed.Completed;
            return new QuartzPeerResult(
                instances,
                seconds,
                completed,
                ended.Failed - warmed.Failed,
                cpu * 1000 / totalJobs,
                mariaDbCpu * 1000 / totalJobs,
                (double)statements.Questions / totalJobs,
                (double)statements.DataStatements / totalJobs,
                completed == 0 ? double.NaN : (double)billed / completed,
                statements.LargestPerJob(totalJobs, 8));
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }

            await jobsDatabase.DisposeAsync();
            await quartzDatabase.DisposeAsync();
            Directory.Delete(imageRoot, recursive: true);
        }
    }

    /// <summary>
    /// Polls ssnews_jobs, as the scenario does for ours, until <paramref name="totalJobs"/> jobs have ended;
    /// returns the counts and how many polls (statements of the benchmark's own) it made since the last call.
    /// </summary>
    private static async Task<(long Completed, long Failed, long Polls)> WaitUntilEndedAsync(TestDatabase database, long totalJobs, QuartzPeerProcess submitter, CancellationToken cancellationToken)
    {
        using var ticker = new PeriodicTimer(PollEvery);
        var polls = 0L;
        while (await ticker.WaitForNextTickAsync(cancellationToken))
        {
            polls++;
            var rows = await database.QueryAsync("SELECT status, COUNT(*) AS n FROM ssnews_jobs GROUP BY status");
            long Of(string status) => rows.Where(r => r["status"] == status).Select(r => long.Parse(r["n"]!, CultureInfo.InvariantCulture)).SingleOrDefault();
            if (Of("completed") + Of("failed") >= totalJobs)
            {
                return (Of("completed"), Of("failed"), polls);
            }

            if (submitter.HasExited)
            {
                throw new InvalidOperationException($"The Quartz peer exited with {totalJobs - Of("completed") - Of("failed")} jobs not ended:{Environment.NewLine}{submitter.Output}");
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    private static async Task<long> BilledAsync(HttpClient simulator, CancellationToken cancellationToken) =>
        JsonNode.Parse(await simulator.GetStringAsync("/_simulator/stats", cancellationToken))!["totals"]!["succeeded"]!.GetValue<long>();
}
