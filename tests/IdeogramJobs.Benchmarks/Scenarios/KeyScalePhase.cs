using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// One phase of scenario 15. Every account keeps <see cref="Backlog"/> unfinished jobs submitted (topped up after
/// each poll of ssnews_jobs), so every key always has work beyond its limit. Every 200 ms the simulator's in-flight
/// images per key are read, and every second the phase's jobs ended per account (less often, as the poll is MariaDB
/// work the CPU figures count). The window opens at a poll once every key has completed a job and the warm-up has
/// passed, and closes at the first poll after the shape's window; images completed (ssnews_image_assets rows)
/// and every process's CPU time are read at both ends. Then submission stops and every job is waited for.
/// </summary>
public static class KeyScalePhase
{
    /// <summary>Unfinished jobs per account: beyond MAX_CONCURRENT_JOBS, so a place freed is taken at once.</summary>
    public const int Backlog = 20;

    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);
    private const int SamplesPerJobPoll = 5;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan IdleBound = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioResult> RunAsync(
        LoopbackSystem system, Func<IReadOnlyDictionary<string, double>> cpu, IReadOnlyList<BenchProviderKey> keys, KeyScaleShape shape, double latencySeconds, CancellationToken cancellationToken)
    {
        var accounts = keys.SelectMany(key => key.Accounts.Select(account => (Key: key, Account: account))).ToArray();
        var lastJobBefore = await system.Database.CountAsync("SELECT COALESCE(MAX(job_id), 0) FROM ssnews_jobs");
        var terminalBefore = (await system.CountJobsAsync()).Terminal;
        var imagesBefore = await ImagesCompletedAsync(system);
        var totalsBefore = await system.SimulatorTotalsAsync(cancellationToken);
        var ideal = keys.Sum(key => key.Limit) / latencySeconds;

        var submitted = new long[accounts.Length];
        var ended = new long[accounts.Length];
        var completed = new long[accounts.Length];
        var polled = accounts.Select(_ => new SemaphoreSlim(0)).ToArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartBound + shape.WarmUp + shape.Window);
        using var feeding = new CancellationTokenSource();
        var feeders = Task.WhenAll(accounts.Select((pair, a) => FeedAsync(pair.Account, a, shape, submitted, ended, polled[a], feeding.Token, timeout.Token)));

        var samples = keys.ToDictionary(key => key, _ => new List<int>());
        var shortOfWork = new HashSet<BenchProviderKey>();
        double? windowStart = null;
        double? windowEnd = null;
        long imagesAtStart = 0;
        long completedAtStart = 0;
        IReadOnlyDictionary<string, double> cpuAtStart = new Dictionary<string, double>();
        double machineAtStart = 0;
        long imagesAtEnd = 0;
        long completedAtEnd = 0;
        IReadOnlyDictionary<string, double> cpuAtEnd = new Dictionary<string, double>();
        double machineAtEnd = 0;
        var clock = Stopwatch.StartNew();
        var tick = 0;
        using var ticker = new PeriodicTimer(SampleEvery);
        try
        {
            while (windowEnd is null && await ticker.WaitForNextTickAsync(timeout.Token))
            {
                if (feeders.IsFaulted)
                {
                    await feeders;
                }

                var stats = (await system.SimulatorStatsAsync(timeout.Token))["keys"]!;
                var jobsPolled = tick++ % SamplesPerJobPoll == 0;
                if (jobsPolled)
                {
                    var endedNow = await EndedByAccountAsync(system, lastJobBefore);
                    for (var a = 0; a < accounts.Length; a++)
                    {
                        var current = endedNow.GetValueOrDefault(accounts[a].Account.AccountId);
                        Volatile.Write(ref ended[a], current.Ended);
                        completed[a] = current.Completed;
                        if (polled[a].CurrentCount == 0)
                        {
                            polled[a].Release();
                        }
                    }
                }

                var now = clock.Elapsed.TotalSeconds;
                if (windowStart is null)
                {
                    if (jobsPolled && now >= shape.WarmUp.TotalSeconds && keys.All(key => accounts.Where((pair, a) => pair.Key == key && completed[a] > 0).Any()))
                    {
                        windowStart = now;
                        imagesAtStart = await ImagesCompletedAsync(system);
                        completedAtStart = completed.Sum();
                        cpuAtStart = cpu();
                        machineAtStart = ProcessCpu.MachineBusySeconds();
                    }

                    continue;
                }

                foreach (var key in keys)
                {
                    samples[key].Add(stats[key.Fingerprint]?["inflightImages"]?.GetValue<int>() ?? 0);
                    var unfinished = accounts.Select((pair, a) => pair.Key == key ? Volatile.Read(ref submitted[a]) - ended[a] : 0).Sum();
                    if (unfinished < key.Limit)
                    {
                        shortOfWork.Add(key);
                    }
                }

                if (jobsPolled && now - windowStart >= shape.Window.TotalSeconds)
                {
                    windowEnd = now;
                    imagesAtEnd = await ImagesCompletedAsync(system);
                    completedAtEnd = completed.Sum();
                    cpuAtEnd = cpu();
                    machineAtEnd = ProcessCpu.MachineBusySeconds();
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await feeding.CancelAsync();
            return ScenarioResult.Failed(shape.Label, windowStart is null
                ? $"not every key had completed a job {(StartBound + shape.WarmUp).TotalSeconds:0} s after the first submission"
                : "the window did not close within its bound");
        }

        await feeding.CancelAsync();
        await feeders;
        var totalSubmitted = submitted.Sum();
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(DrainBound);
        var drained = await system.WaitUntilAllEndedAsync(Task.CompletedTask, terminalBefore + totalSubmitted, PollEvery, drain.Token);
        cancellationToken.ThrowIfCancellationRequested();
        var counts = drained ?? await system.CountJobsAsync();
        var lost = terminalBefore + totalSubmitted - counts.Terminal;
        var idle = await system.WaitForProviderIdleAsync(IdleBound, cancellationToken);
        var totalsAfter = await system.SimulatorTotalsAsync(cancellationToken);
        long Delta(string counter) => (totalsAfter[counter]?.GetValue<long>() ?? 0) - (totalsBefore[counter]?.GetValue<long>() ?? 0);
        var endedAfter = (await EndedByAccountAsync(system, lastJobBefore)).Values;
        var phaseCompleted = endedAfter.Sum(count => count.Completed);
        var phaseFailed = endedAfter.Sum(count => count.Ended) - phaseCompleted;
        var phaseImages = await ImagesCompletedAsync(system) - imagesBefore;

        var seconds = windowEnd!.Value - windowStart!.Value;
        var images = imagesAtEnd - imagesAtStart;
        var jobs = completedAtEnd - completedAtStart;
        var rate = images / seconds;
        var shares = keys.Select(key => (Key: key, Share: samples[key].Count == 0 ? 0 : samples[key].Average() / key.Limit)).OrderBy(pair => pair.Share).ToArray();
        var worst = shares[0];
        var cpuPerJob = cpuAtEnd.Where(used => cpuAtStart.ContainsKey(used.Key))
            .ToDictionary(used => used.Key, used => (used.Value - cpuAtStart[used.Key]) * 1000 / jobs);
        var engineCpuPerJob = cpuPerJob["silo"] + cpuPerJob["API"];
        var measuredCpuPerJob = cpuPerJob.Values.Sum();
        var cores = Environment.ProcessorCount;
        var machineBusy = (machineAtEnd - machineAtStart) / seconds;
        var measuredBusy = measuredCpuPerJob * jobs / 1000 / seconds;
        var billedPerJob = phaseCompleted == 0 ? double.NaN : (double)Delta("succeeded") / phaseCompleted;
        var overLimit = Delta("rejectedInflight");

        var figures = new List<Figure>
        {
            new("measured window", seconds, "s", 1),
            new("images completed in the window", images, "images", 0),
            new("images/s completed in the window", rate, "images/s", 1),
            new($"ideal ({keys.Count} keys x {keys[0].Limit} / {latencySeconds:0.#} s)", ideal, "images/s", 1),
            new("ratio (images/s / ideal)", rate / ideal, "x", 3, ">= 0.90"),
            new("key share of capacity used (mean in-flight / limit): min", worst.Share, $"(worst key {worst.Key.Label})", 3),
            new("key share of capacity used: p10", Quantile(shares, 0.10), "of limit", 3),
            new("key share of capacity used: median", Quantile(shares, 0.50), "of limit", 3),
            new("keys short of work (unfinished jobs < limit) at some sample of the window", shortOfWork.Count, "keys", 0, "0"),
            new("over-limit sends (simulator's in-flight 429s, all keys)", overLimit, "responses", 0, "0"),
            new("billed generations per completed job", billedPerJob, "generations", 2, "1.00"),
            new("jobs submitted", totalSubmitted, "jobs", 0),
            new("jobs completed", phaseCompleted, "jobs", 0),
            new("jobs failed", phaseFailed, "jobs", 0),
            new("images completed", phaseImages, "images", 0),
            new("lost jobs", lost, "jobs", 0, "0"),
        };
        figures.AddRange(cpuPerJob.OrderByDescending(used => used.Value).Select(used => new Figure($"CPU per completed job in the window: {used.Key}", used.Value, "ms", 2)));
        figures.AddRange(
        [
            new("CPU per completed job in the window: silo + API", engineCpuPerJob, "ms", 2),
            new("CPU per completed image in the window: silo + API", engineCpuPerJob * jobs / images, "ms", 2),
            new("machine CPU busy in the window (every process)", machineBusy, $"of {cores} cores", 2),
            new("  of which the processes measured above", measuredBusy, $"of {cores} cores", 2),
            new("cores the ideal needs at this CPU per image: silo + API", ideal * engineCpuPerJob * jobs / images / 1000, $"of {cores} cores", 2),
            new("cores the ideal needs at this CPU per image: every process measured", ideal * measuredCpuPerJob * jobs / images / 1000, $"of {cores} cores", 2),
            new("images/s the measured processes' CPU per image allows with the machine's cores to themselves", cores * 1000 / (measuredCpuPerJob * jobs / images), "images/s", 1),
        ]);

        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"summary: {rate:0.0} images/s of an ideal {ideal:0} ({rate / ideal:0.000} x) over {seconds:0.0} s; key share min {worst.Share:0.000} ({worst.Key.Label}), p10 {Quantile(shares, 0.10):0.000}, median {Quantile(shares, 0.50):0.000}; {overLimit} over-limit sends; {billedPerJob:0.00} billed generations per completed job; {lost} lost; CPU per job silo + API {engineCpuPerJob:0.00} ms, all measured {measuredCpuPerJob:0.00} ms; machine busy {machineBusy:0.00} of {cores} cores, {measuredBusy:0.00} of it the measured processes"),
            "key shares (mean in-flight / limit over the window): " + string.Join(", ", shares.OrderBy(pair => pair.Key.Label, StringComparer.Ordinal).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key.Label} {pair.Share:0.00}"))),
        };
        if (shortOfWork.Count > 0)
        {
            notes.Add("keys short of work at some sample: " + string.Join(", ", shortOfWork.Select(key => key.Label)));
        }

        if (!idle)
        {
            notes.Add($"the simulator still had generations in flight {IdleBound.TotalSeconds:0} s after the last job ended; the billed figures miss them");
        }

        return lost == 0
            ? new ScenarioResult(shape.Label, figures, notes)
            : ScenarioResult.Failed(shape.Label, $"{lost} jobs lost (not ended {DrainBound.TotalSeconds:0} s after submission stopped)", figures);
    }

    /// <summary>Submits jobs of <paramref name="account"/> while it has fewer than <see cref="Backlog"/> unfinished, then waits for the next poll.</summary>
    private static async Task FeedAsync(
        BenchAccount account, int index, KeyScaleShape shape, long[] submitted, long[] ended, SemaphoreSlim polled, CancellationToken feeding, CancellationToken timeout)
    {
        var random = new Random(index);
        while (!feeding.IsCancellationRequested)
        {
            // Submission is not cancelled mid-request: a job the API accepted must be counted.
            while (!feeding.IsCancellationRequested && Volatile.Read(ref submitted[index]) - Volatile.Read(ref ended[index]) < Backlog)
            {
                var prompt = string.Create(CultureInfo.InvariantCulture, $"keyscale {shape.Label} {account.AccountId} {submitted[index]}");
                await JobSubmitter.SubmitAsync(account, random.Next(shape.MinImages, shape.MaxImages + 1), prompt, timeout);
                Interlocked.Increment(ref submitted[index]);
            }

            try
            {
                await polled.WaitAsync(feeding);
            }
            catch (OperationCanceledException) when (feeding.IsCancellationRequested)
            {
                // Submission stops with the window.
            }
        }
    }

    /// <summary>Jobs of the phase (those after <paramref name="lastJobBefore"/>) ended, and of them completed, per account so far.</summary>
    private static async Task<Dictionary<string, (long Ended, long Completed)>> EndedByAccountAsync(LoopbackSystem system, long lastJobBefore)
    {
        var rows = await system.Database.QueryAsync(string.Create(CultureInfo.InvariantCulture,
            $"SELECT account_id, COUNT(*) AS ended, COALESCE(SUM(status = 'completed'), 0) AS completed FROM ssnews_jobs WHERE job_id > {lastJobBefore} AND status IN ('completed', 'failed', 'cancelled') GROUP BY account_id"));
        return rows.ToDictionary(
            row => row["account_id"]!,
            row => (long.Parse(row["ended"]!, CultureInfo.InvariantCulture), long.Parse(row["completed"]!, CultureInfo.InvariantCulture)));
    }

    /// <summary>Images the engine has stored: each row is written as its image is kept, just before its job completes.</summary>
    private static Task<long> ImagesCompletedAsync(LoopbackSystem system) =>
        system.Database.CountAsync("SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id IS NOT NULL");

    /// <summary>The nearest-rank quantile of the keys' shares, sorted ascending.</summary>
    private static double Quantile((BenchProviderKey Key, double Share)[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)].Share;
}
