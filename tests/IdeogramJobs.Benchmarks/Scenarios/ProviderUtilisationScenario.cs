using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 1: how fully the service uses the provider's in-flight images. The simulator
/// answers each request after a latency drawn around a mean and admits at most 10 images per key; many accounts
/// submit jobs of 1-4 images at once. The simulator's own in-flight counter is sampled every 100 ms;
/// the steady window runs from the first completion until the last submitted job has started.
/// </summary>
public sealed class ProviderUtilisationScenario : IScenario
{
    private const int InflightLimit = 10;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    public int Number => 1;

    public string Name => "1. Provider utilisation";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 4 : 20;
        var jobsPerAccount = settings.Quick ? 5 : 25;
        var latencySeconds = settings.Quick ? 0.5 : 2.0;
        var random = new Random(7);
        var plan = Enumerable.Range(0, accounts)
            .Select(_ => Enumerable.Range(0, jobsPerAccount).Select(_ => random.Next(1, 5)).ToArray())
            .ToArray();
        var totalJobs = accounts * jobsPerAccount;
        var totalImages = plan.Sum(p => p.Sum());
        var idealSeconds = totalImages * latencySeconds / InflightLimit;
        var bound = TimeSpan.FromSeconds(idealSeconds * 4 + 120);

        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: InflightLimit,
            IdeogramMaxInflightImages: InflightLimit,
            MaxConcurrentJobs: 5));
        var members = await system.NewAccountsAsync(accounts, "util");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        long lastSubmittedJob = 0;
        var submissions = Task.WhenAll(members.Select(async (account, a) =>
        {
            for (var j = 0; j < jobsPerAccount; j++)
            {
                var jobId = await JobSubmitter.SubmitAsync(account, plan[a][j], $"benchmark header {a}-{j}", timeout.Token);
                Interlocked.Exchange(ref lastSubmittedJob, jobId);
            }
        }));

        var samples = new List<InflightSample>();
        double? firstCompletion = null;
        double? lastJobStarted = null;
        double? allTerminal = null;
        JobCounts counts = new(0, 0, 0, 0, 0);
        using var ticker = new PeriodicTimer(SampleEvery);
        try
        {
            while (allTerminal is null && await ticker.WaitForNextTickAsync(timeout.Token))
            {
                var totals = await system.SimulatorTotalsAsync(timeout.Token);
                var now = clock.Elapsed.TotalSeconds;
                samples.Add(new InflightSample(now, totals["inflightImages"]!.GetValue<int>()));
                if (submissions.IsFaulted)
                {
                    await submissions;
                }

                counts = await system.CountJobsAsync();
                if (firstCompletion is null && counts.Completed > 0)
                {
                    firstCompletion = now;
                }

                if (lastJobStarted is null && submissions.IsCompletedSuccessfully && await HasStartedAsync(system, Interlocked.Read(ref lastSubmittedJob)))
                {
                    lastJobStarted = now;
                }

                if (submissions.IsCompletedSuccessfully && counts.Terminal >= totalJobs)
                {
                    allTerminal = now;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ScenarioResult.Failed(Name,
                $"not every job ended within {bound.TotalSeconds:0} s: {counts} of {totalJobs} submitted");
        }

        var final = await system.SimulatorTotalsAsync(cancellationToken);
        var windowStart = firstCompletion ?? 0;
        var windowEnd = lastJobStarted ?? allTerminal!.Value;
        var steady = samples.Where(s => s.AtSeconds >= windowStart && s.AtSeconds <= windowEnd).ToList();
        var notes = new List<string>
        {
            $"simulator latency {latencySeconds:0.0#} s per request on average (DEFAULT speed, drawn per request within 8-15 s scaled; the ideal uses the mean), in-flight limit {InflightLimit} images per key; {accounts} accounts x {jobsPerAccount} blog_header jobs of 1-4 images; MAX_CONCURRENT_JOBS 5 per account",
        };
        if (steady.Count < 5)
        {
            notes.Add($"the steady window held only {steady.Count} samples; the mean is over the whole run instead");
            steady = samples;
        }

        var lost = totalJobs - counts.Terminal;
        var figures = new List<Figure>
        {
            new("jobs submitted", totalJobs, "jobs", 0),
            new("images requested", totalImages, "images", 0),
            new("mean in-flight images (steady window)", steady.Average(s => s.InflightImages), $"of {InflightLimit}", 2),
            new("max in-flight images (sampled)", samples.Max(s => s.InflightImages), "images", 0),
            new("max in-flight images (simulator's own)", final["maxInflightImages"]!.GetValue<int>(), "images", 0),
            new("simulator 429s (in-flight limit)", final["rejectedInflight"]!.GetValue<int>(), "responses", 0),
            new("simulator requests", final["requests"]!.GetValue<int>(), "requests", 0),
            new("steady window", windowEnd - windowStart, "s", 1),
            new("samples in window", steady.Count, "samples", 0),
            new("duration (first submit to last job ended)", allTerminal!.Value, "s", 1),
            new("ideal (images x mean latency / limit)", idealSeconds, "s", 1),
            new("duration / ideal", allTerminal.Value / idealSeconds, "x", 2),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed", counts.Failed, "jobs", 0),
        };
        return lost == 0
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name, $"{lost} jobs lost", figures);
    }

    private static async Task<bool> HasStartedAsync(LoopbackSystem system, long jobId) =>
        await system.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id = {jobId.ToString(CultureInfo.InvariantCulture)} AND (started_at IS NOT NULL OR status <> 'queued')") > 0;
}
