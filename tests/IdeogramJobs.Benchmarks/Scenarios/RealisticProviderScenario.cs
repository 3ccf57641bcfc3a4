using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// The provider as it really is, on a backlog: each request takes the time its rendering speed
/// takes at Ideogram (drawn per request: FLASH 2-4 s ... QUALITY 15-25 s), the organisation's
/// in-flight limit is 10 images, a generation whose client gives up runs on and is billed, and
/// enough jobs wait that the last ones queue several times JOB_TIMEOUT_SECONDS. Time is shortened:
/// latencies and both timeouts are scaled by the same factor, so the run keeps their proportions.
/// Three accounts submit jobs of 1-4 images at mixed speeds; MAX_CONCURRENT_JOBS lets every job
/// through, so only the provider's limit holds them back. The engine promises: nothing sent over the
/// limit, every job paid for once, every job completed, in about the time the limit allows.
/// </summary>
public sealed class RealisticProviderScenario : IScenario
{
    private const int InflightLimit = 10;
    private const int Accounts = 3;
    private const int MaxConcurrentJobs = 1000;

    /// <summary>The defaults of JOB_TIMEOUT_SECONDS and IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS, before the time scale.</summary>
    private const double JobTimeoutSeconds = 300;
    private const double AttemptTimeoutSeconds = 300;

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public int Number => 8;

    public string Name => "8. Realistic provider";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        // Quick: a 90 s backlog at 1/30 of real time, so its tail still waits longer than
        // JOB_TIMEOUT_SECONDS plus a minute; full: 4 min at 1/10.
        var timeScale = settings.Quick ? 1.0 / 30 : 1.0 / 10;
        var idealTarget = settings.Quick ? 90.0 : 240.0;
        var plan = Plan(timeScale, idealTarget * InflightLimit);
        var imageSeconds = plan.Sum(job => job.Images * ProviderLatency.Mean(job.Speed) * timeScale);
        var idealSeconds = imageSeconds / InflightLimit;
        var jobTimeout = JobTimeoutSeconds * timeScale;
        var attemptTimeout = AttemptTimeoutSeconds * timeScale;
        var bound = TimeSpan.FromSeconds((idealSeconds * 2) + 60);
        string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: timeScale,
            SimulatorInflightLimit: InflightLimit,
            IdeogramMaxInflightImages: InflightLimit,
            MaxConcurrentJobs: MaxConcurrentJobs,
            SimulatorImageScale: 8)
        {
            SiloEnvironment = new Dictionary<string, string?>
            {
                ["JOB_TIMEOUT_SECONDS"] = Number(jobTimeout),
                ["IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS"] = Number(attemptTimeout),
            },
        });
        var members = await system.NewAccountsAsync(Accounts, "real", role: "admin");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        var submissions = Task.WhenAll(Enumerable.Range(0, Accounts).Select(async a =>
        {
            foreach (var (job, index) in plan.Select((job, index) => (job, index)).Where(pair => pair.job.Account == a))
            {
                await JobSubmitter.SubmitAsync(members[a], job.Images, job.Speed, $"realistic job {index}", timeout.Token);
            }
        }));
        var ended = await system.WaitUntilAllEndedAsync(submissions, plan.Count, PollEvery, timeout.Token);
        double? duration = ended is null ? null : clock.Elapsed.TotalSeconds;
        if (!submissions.IsCompletedSuccessfully)
        {
            return ScenarioResult.Failed(Name, $"the {plan.Count} jobs were not all submitted within {bound.TotalSeconds:0} s");
        }

        var longestWait = await system.Database.CountAsync(
            "SELECT COALESCE(MAX(TIMESTAMPDIFF(SECOND, created_at, started_at)), 0) FROM ssnews_jobs WHERE started_at IS NOT NULL");
        var accounting = await RunAccounting.ReadAsync(system, cancellationToken);
        var counts = accounting.Counts;
        var integrity = await system.CheckIntegrityAsync();
        var figures = new List<Figure>
        {
            new("jobs submitted", plan.Count, "jobs", 0),
            new("images requested", plan.Sum(job => job.Images), "images", 0),
            new("longest wait from submission to a job's first attempt", longestWait, "s", 0),
            new("  in JOB_TIMEOUT_SECONDS", longestWait / jobTimeout, "x", 1),
            new("jobs completed", 100.0 * counts.Completed / plan.Count, "%", 1, "100%"),
            new("jobs failed", counts.Failed, "jobs", 0, "0"),
            new("jobs stuck (not ended at the end)", plan.Count - counts.Terminal, "jobs", 0, "0"),
        };
        figures.AddRange(accounting.Figures(providerHangs: false, withTargets: true));
        figures.AddRange(
        [
            new("duplicate image rows", integrity.DuplicateImageRows, "rows", 0, "0"),
            new("duration (first submit to last job ended)", duration ?? double.NaN, "s", 1),
            new("ideal (image-seconds / 10 in-flight images)", idealSeconds, "s", 1),
            new("duration / ideal", (duration ?? double.NaN) / idealSeconds, "x", 2, "<= 1.05"),
        ]);
        var notes = new List<string>
        {
            $"time at 1/{1 / timeScale:0} of real: simulator latency scale {timeScale:0.####}, JOB_TIMEOUT_SECONDS {Number(jobTimeout)} (300 real), IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS {Number(attemptTimeout)} (300 real); latency drawn per request within its speed's range",
            $"{Accounts} accounts (admin keys, to choose the speed) x {plan.Count / Accounts}+ blog_header jobs of 1-4 images, speeds {string.Join(", ", ProviderLatency.Speeds.Select(speed => $"{speed} {plan.Count(job => job.Speed == speed)}"))}; in-flight limit {InflightLimit} images (IDEOGRAM_MAX_INFLIGHT_IMAGES and the simulator's), MAX_CONCURRENT_JOBS {MaxConcurrentJobs}, RETRY_MAX_ATTEMPTS default, one silo",
            $"the ideal counts each request at its speed's mean time; the times drawn make the true ideal differ from it by {100 * IdealSpread(plan, timeScale) / imageSeconds:0.0}% (one standard deviation)",
        };
        if (ended is null)
        {
            notes.Add($"not every job had ended within the bound of {bound.TotalSeconds:0} s");
        }

        if (accounting.IdleNote is { } idle)
        {
            notes.Add(idle);
        }

        return new ScenarioResult(Name, figures, notes);
    }

    /// <summary>The standard deviation of the run's image-seconds: each request's time is uniform over its speed's range.</summary>
    private static double IdealSpread(IReadOnlyList<PlannedJob> plan, double timeScale) =>
        Math.Sqrt(plan.Sum(job =>
        {
            var (min, max) = ProviderLatency.Range(job.Speed);
            var deviation = job.Images * (max - min) * timeScale;
            return deviation * deviation / 12;
        }));

    /// <summary>Jobs of 1-4 images at random speeds, over the accounts in turn, until they add up to <paramref name="imageSeconds"/> of generation.</summary>
    private static List<PlannedJob> Plan(double timeScale, double imageSeconds)
    {
        var random = new Random(11);
        var plan = new List<PlannedJob>();
        var planned = 0.0;
        while (planned < imageSeconds)
        {
            var job = new PlannedJob(plan.Count % Accounts, random.Next(1, 5), ProviderLatency.Speeds[random.Next(ProviderLatency.Speeds.Count)]);
            plan.Add(job);
            planned += job.Images * ProviderLatency.Mean(job.Speed) * timeScale;
        }

        return plan;
    }
}
