using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue 13 scenario: 20 organisations with Ideogram keys of their own (limits 4, 6, 10 or 15, as Ideogram raises
/// them per customer; the simulator holds each key to the same limit) beside the service key (10), several accounts
/// per organisation and a few on the service key, all submitting jobs of 1-4 images at once. Each key gets jobs in
/// proportion to its limit, so all stay busy about equally long. The simulator's in-flight images per key are sampled
/// every 200 ms; a key counts as saturated from its first completed job until its unfinished jobs hold fewer than
/// its limit plus 4 images (from then on a 4-image job may not fit beside what runs). The engine promises per key:
/// its limit filled while saturated (target 0.95 x limit), nothing sent over it, each completed job billed once,
/// no job lost.
/// </summary>
public sealed class OrganisationKeysScenario : IScenario
{
    private const int Organisations = 20;
    private const int ServiceLimit = 10;
    private const int MaxConcurrentJobs = 12;
    private const double SaturationTarget = 0.95;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);
    private static readonly string[] Terminal = ["completed", "failed", "cancelled"];

    public int Number => 13;

    public string Name => "13. Organisation keys";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accountsPerOrganisation = settings.Quick ? 2 : 3;
        var serviceAccounts = settings.Quick ? 3 : 5;
        // Full runs at Ideogram's real DEFAULT latency, where the moments between one call and the next matter as they do in production.
        var jobsPerLimitUnit = settings.Quick ? 4 : 8;
        var latencySeconds = settings.Quick ? 2.0 : ProviderLatency.Mean("DEFAULT");
        var keys = Enumerable.Range(0, Organisations)
            .Select(o => OrganisationKeyDeployment.NewKey(o, LimitOf(o)))
            .Prepend(new BenchProviderKey("service", "bench-ideogram-key", ServiceLimit))
            .ToList();
        var random = new Random(13);
        var plan = keys.ToDictionary(key => key, key => Enumerable.Range(0, key.Limit * jobsPerLimitUnit).Select(_ => random.Next(1, 5)).ToArray());
        var totalJobs = plan.Values.Sum(jobs => jobs.Length);
        var totalImages = plan.Values.Sum(jobs => jobs.Sum());
        var idealSeconds = plan.Max(pair => pair.Value.Sum() * latencySeconds / pair.Key.Limit);
        var bound = TimeSpan.FromSeconds(idealSeconds * 4 + 120);

        await using var system = await LoopbackSystem.StartAsync(OrganisationKeyDeployment.With(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: ServiceLimit,
            IdeogramMaxInflightImages: ServiceLimit,
            MaxConcurrentJobs: MaxConcurrentJobs,
            SimulatorImageScale: 8), keys));
        await OrganisationKeyDeployment.ProvisionAsync(system, keys, accountsPerOrganisation, serviceAccounts, cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        var jobKeys = new ConcurrentDictionary<long, (BenchProviderKey Key, int Images)>();
        var submissions = Task.WhenAll(keys.SelectMany(key => key.Accounts.Select(async (account, a) =>
        {
            // The key's jobs are dealt out to its accounts in turn.
            var jobs = plan[key];
            for (var j = a; j < jobs.Length; j += key.Accounts.Count)
            {
                var jobId = await JobSubmitter.SubmitAsync(account, jobs[j], $"orgkeys {key.Label} {j}", timeout.Token);
                jobKeys[jobId] = (key, jobs[j]);
            }
        })));

        var saturated = keys.ToDictionary(key => key, _ => new List<InflightSample>());
        var completedByKey = keys.ToDictionary(key => key, _ => 0);
        var failedByKey = keys.ToDictionary(key => key, _ => 0);
        double? allTerminal = null;
        var terminal = 0;
        using var ticker = new PeriodicTimer(SampleEvery);
        try
        {
            while (allTerminal is null && await ticker.WaitForNextTickAsync(timeout.Token))
            {
                var stats = (await system.SimulatorStatsAsync(timeout.Token))["keys"]!;
                var now = clock.Elapsed.TotalSeconds;
                if (submissions.IsFaulted)
                {
                    await submissions;
                }

                var ended = await system.Database.QueryAsync(
                    "SELECT job_id, status FROM ssnews_jobs WHERE status IN ('completed', 'failed', 'cancelled')");
                var endedImages = keys.ToDictionary(key => key, _ => 0);
                foreach (var key in keys)
                {
                    completedByKey[key] = 0;
                    failedByKey[key] = 0;
                }

                foreach (var row in ended)
                {
                    if (jobKeys.TryGetValue(long.Parse(row["job_id"]!, CultureInfo.InvariantCulture), out var job))
                    {
                        endedImages[job.Key] += job.Images;
                        if (row["status"] == "completed")
                        {
                            completedByKey[job.Key]++;
                        }
                        else
                        {
                            failedByKey[job.Key]++;
                        }
                    }
                }

                foreach (var key in keys)
                {
                    var unfinishedImages = plan[key].Sum() - endedImages[key];
                    if (completedByKey[key] > 0 && unfinishedImages >= key.Limit + 4)
                    {
                        saturated[key].Add(new InflightSample(now, stats[key.Fingerprint]?["inflightImages"]?.GetValue<int>() ?? 0));
                    }
                }

                terminal = ended.Count;
                if (submissions.IsCompletedSuccessfully && terminal >= totalJobs)
                {
                    allTerminal = now;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ScenarioResult.Failed(Name, $"not every job ended within {bound.TotalSeconds:0} s: {terminal} of {totalJobs} ended");
        }

        var final = (await system.SimulatorStatsAsync(cancellationToken))["keys"]!;
        var figures = new List<Figure>();
        var notes = new List<string>
        {
            $"simulator latency {latencySeconds:0.0#} s per request on average (DEFAULT speed); {Organisations} organisations with their own keys (limits {string.Join(", ", keys.Skip(1).GroupBy(key => key.Limit).OrderBy(group => group.Key).Select(group => $"{group.Count()} x {group.Key}"))}) x {accountsPerOrganisation} accounts, and the service key (limit {ServiceLimit}) x {serviceAccounts} accounts; {jobsPerLimitUnit} blog_header jobs of 1-4 images per unit of a key's limit; MAX_CONCURRENT_JOBS {MaxConcurrentJobs} per account; a key is saturated from its first completed job until its unfinished jobs hold fewer than its limit + 4 images",
        };
        var worst = (Key: keys[0], Ratio: double.MaxValue);
        long overLimitSends = 0;
        long billed = 0;
        long completed = 0;
        foreach (var key in keys)
        {
            var counters = final[key.Fingerprint];
            var keyOverLimit = counters?["rejectedInflight"]?.GetValue<long>() ?? 0;
            var keyBilled = counters?["succeeded"]?.GetValue<long>() ?? 0;
            var keyLost = plan[key].Length - completedByKey[key] - failedByKey[key];
            overLimitSends += keyOverLimit;
            billed += keyBilled;
            completed += completedByKey[key];
            var samples = saturated[key];
            if (samples.Count >= 5)
            {
                var mean = samples.Average(sample => sample.InflightImages);
                figures.Add(new Figure($"{key.Label} mean in-flight images while saturated", mean, $"of {key.Limit}", 2, $">= {SaturationTarget * key.Limit:0.0#}"));
                if (mean / key.Limit < worst.Ratio)
                {
                    worst = (key, mean / key.Limit);
                }
            }
            else
            {
                figures.Add(new Figure($"{key.Label} mean in-flight images while saturated", double.NaN, $"of {key.Limit} (not saturated: {samples.Count} samples)", 2));
            }

            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{key.Label} (limit {key.Limit}, {key.Accounts.Count} accounts, {plan[key].Length} jobs, {plan[key].Sum()} images): saturated {samples.Count * SampleEvery.TotalSeconds:0.0} s, over-limit sends {keyOverLimit}, billed generations per completed job {Ratio(keyBilled, completedByKey[key]):0.00}, completed {completedByKey[key]}, failed {failedByKey[key]}, lost {keyLost}"));
        }

        var lost = totalJobs - terminal;
        var saturatedKeys = keys.Count(key => saturated[key].Count >= 5);
        figures.InsertRange(0,
        [
            new Figure("keys (20 organisations + the service key)", keys.Count, "keys", 0),
            new Figure("keys saturated (>= 5 samples)", saturatedKeys, "keys", 0),
            new Figure("jobs submitted", totalJobs, "jobs", 0),
            new Figure("images requested", totalImages, "images", 0),
            new Figure("worst key: mean in-flight / limit while saturated", worst.Ratio, $"({worst.Key.Label}, limit {worst.Key.Limit})", 3, $">= {SaturationTarget:0.00}"),
            new Figure("over-limit sends (simulator's in-flight 429s, all keys)", overLimitSends, "responses", 0, "0"),
            new Figure("billed generations per completed job", Ratio(billed, completed), "generations", 2, "1.00"),
            new Figure("jobs completed", completed, "jobs", 0),
            new Figure("jobs failed", failedByKey.Values.Sum(), "jobs", 0),
            new Figure("lost jobs", lost, "jobs", 0, "0"),
            new Figure("duration (first submit to last job ended)", allTerminal!.Value, "s", 1),
            new Figure("ideal (busiest key's images x mean latency / its limit)", idealSeconds, "s", 1),
        ]);
        notes.Insert(1, string.Create(CultureInfo.InvariantCulture,
            $"summary: worst key {worst.Key.Label} at {worst.Ratio:0.000} x its limit of {worst.Key.Limit} ({saturatedKeys} of {keys.Count} keys saturated); {overLimitSends} over-limit sends; {Ratio(billed, completed):0.00} billed generations per completed job; {lost} lost jobs"));
        return lost == 0
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name, $"{lost} jobs lost", figures);
    }

    /// <summary>Most organisations keep Ideogram's default of 10; a few were given less or more.</summary>
    private static int LimitOf(int organisation) => organisation switch
    {
        0 or 1 => 4,
        2 or 3 => 6,
        4 or 5 => 15,
        _ => 10,
    };

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
