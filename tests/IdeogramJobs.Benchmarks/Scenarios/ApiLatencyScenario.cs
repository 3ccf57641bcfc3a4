using System.Globalization;
using System.Net;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Load;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 3: open-loop constant-rate GET /api/jobs/{id}/status, then POST /api/jobs/execute,
/// while a provider-bound backlog like scenario 1's runs, each latency measured from its intended send time.
/// </summary>
public sealed class ApiLatencyScenario : IScenario
{
    private const int InflightLimit = 10;

    public int Number => 3;

    public string Name => "3. API latency under load";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 4 : 20;
        var jobsPerAccount = settings.Quick ? 10 : 25;
        var latencySeconds = settings.Quick ? 0.5 : 2.0;
        int[] rates = settings.Quick ? [100] : [200, 500, 1000];
        var executeRate = settings.Quick ? 50 : 200;
        var duration = TimeSpan.FromSeconds(settings.Quick ? 2 : 10);

        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: InflightLimit,
            IdeogramMaxInflightImages: InflightLimit,
            MaxConcurrentJobs: 5));
        var members = await system.NewAccountsAsync(accounts, "lat");

        // The backlog: every job is submitted up front, so the provider stays busy during the reads.
        var random = new Random(11);
        var jobs = new List<(BenchAccount Account, long JobId)>();
        foreach (var (account, a) in members.Select((m, a) => (m, a)))
        {
            for (var j = 0; j < jobsPerAccount; j++)
            {
                jobs.Add((account, await JobSubmitter.SubmitAsync(account, random.Next(1, 5), $"latency header {a}-{j}", cancellationToken)));
            }
        }

        // Warm the connections and the job grains so the figures are about steady serving.
        foreach (var (account, jobId) in jobs)
        {
            using var warm = await account.Http.GetAsync($"/api/jobs/{jobId}/status", cancellationToken);
        }

        Task<LatencySummary> ReadStatuses(int rate) => OpenLoopLoad.RunAsync(async (index, token) =>
        {
            var (account, jobId) = jobs[index % jobs.Count];
            using var response = await account.Http.GetAsync($"/api/jobs/{jobId}/status", token);
            await response.Content.ReadAsByteArrayAsync(token);
            return response.IsSuccessStatusCode;
        }, rate, duration, cancellationToken);

        var figures = new List<Figure>();
        foreach (var rate in rates)
        {
            figures.AddRange(Figures($"status @ {rate}/s", await ReadStatuses(rate)));
        }

        var pinning = await PinnedAsync(system, rates[^1], ReadStatuses, figures, cancellationToken);

        var executed = await OpenLoopLoad.RunAsync(async (index, token) =>
        {
            using var response = await JobSubmitter.PostAsync(members[index % members.Count], 1, $"latency execute {index}", token);
            await response.Content.ReadAsByteArrayAsync(token);
            return response.StatusCode == HttpStatusCode.Accepted;
        }, executeRate, duration, cancellationToken);
        figures.AddRange(Figures($"execute @ {executeRate}/s", executed));

        var counts = await system.CountJobsAsync();
        return new ScenarioResult(Name, figures,
        [
            $"{duration.TotalSeconds:0} s per rate, open loop, latency from the intended send time; percentiles over successful requests (execute: 202 Accepted)",
            $"load meanwhile: {jobs.Count} blog_header jobs of 1-4 images over {accounts} accounts at {latencySeconds:0.0#} s simulator latency; at the end {counts.Processing} processing, {counts.Queued} queued, {counts.Completed} completed",
            "the benchmark client shares the machine's cores with the silo, API, simulator and MariaDB",
            pinning,
        ]);
    }

    /// <summary>
    /// The top status rate again with the load generator alone on the last core and the silo, API, simulator and
    /// MariaDB on the others (taskset), then every process back on every core. Returns the note that says how it ran.
    /// </summary>
    private static async Task<string> PinnedAsync(
        LoopbackSystem system, int rate, Func<int, Task<LatencySummary>> readStatuses, List<Figure> figures, CancellationToken cancellationToken)
    {
        if (!CorePinning.Possible)
        {
            return "status with the client pinned: not measured (needs two cores and taskset)";
        }

        var last = Environment.ProcessorCount - 1;
        var service = system.ServiceProcessIds();
        var everyCore = $"0-{last}";
        try
        {
            var refused = await CorePinning.PinAsync([Environment.ProcessId], last.ToString(CultureInfo.InvariantCulture), cancellationToken)
                ?? await CorePinning.PinAsync(service, last == 1 ? "0" : $"0-{last - 1}", cancellationToken);
            if (refused is not null)
            {
                return "status with the client pinned: not measured, " + refused;
            }

            figures.AddRange(Figures($"status @ {rate}/s, client pinned to core {last}", await readStatuses(rate)));
            return $"pinned: the benchmark client alone on core {last}, the silo, API, simulator and MariaDB on {(last == 1 ? "core 0" : $"cores 0-{last - 1}")} (taskset -a), then all back on {everyCore}";
        }
        finally
        {
            await CorePinning.PinAsync([Environment.ProcessId, .. service], everyCore, CancellationToken.None);
        }
    }

    private static IEnumerable<Figure> Figures(string at, LatencySummary summary) =>
    [
        new($"{at} requests", summary.Sent + summary.Errors, "requests", 0),
        new($"{at} errors", summary.Errors, "requests", 0),
        new($"{at} p50", summary.P50, "ms", 2),
        new($"{at} p95", summary.P95, "ms", 2),
        new($"{at} p99", summary.P99, "ms", 2),
        new($"{at} max", summary.Max, "ms", 2),
        new($"{at} sender lag max", summary.SchedulerLagMaxMs, "ms", 2),
    ];
}
