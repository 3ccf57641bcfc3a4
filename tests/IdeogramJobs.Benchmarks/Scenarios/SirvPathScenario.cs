using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;
using IdeogramJobs.Testing.Sirv;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 7: scenario 2 with images stored on Sirv. The silo's real Sirv client talks to the
/// Sirv-compatible test host in this process, whose upload bucket is small and whose window is seconds
/// instead of an hour, so the run empties the bucket several times. The client holds uploads until
/// X-RateLimit-Reset and repeats the refused ones; the figures show the upload rate and the 429s absorbed.
/// </summary>
public sealed class SirvPathScenario : IScenario
{
    private const string SirvRateLimitMaxWaitVariable = "SIRV_RATE_LIMIT_MAX_WAIT_SECONDS";

    // Far above the window, so every hold is waited out inside the upload rather than handed back to the job engine as a retry.
    private const int RateLimitMaxWaitSeconds = 30;

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(2);

    public int Number => 7;

    public string Name => "7. Sirv path";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var totalJobs = settings.Quick ? 200 : 2000;
        var accounts = settings.Quick ? 10 : 20;
        var concurrency = settings.Quick ? 20 : 50;
        var uploadLimit = settings.Quick ? 60 : 300;
        var jobsPerAccount = totalJobs / accounts;
        var bound = TimeSpan.FromSeconds(Math.Max(120, totalJobs / 5));
        var ceiling = uploadLimit / RateLimitWindow.TotalSeconds;
        var notes = new List<string>
        {
            ServiceSettings.InstantProviderNote(accounts, jobsPerAccount, concurrency),
            $"images stored on the Sirv-compatible test host (in the benchmark process, real Kestrel on loopback): upload limit {uploadLimit} per {RateLimitWindow.TotalSeconds:0} s window (a ceiling of {ceiling:0} uploads/s), global limit 7000 per window; {SirvRateLimitMaxWaitVariable} {RateLimitMaxWaitSeconds}",
        };

        await using var host = await SirvTestHost.StartAsync(TimeProvider.System, RateLimitWindow);
        host.SetUploadLimit(uploadLimit);
        var sirvUrlPattern = host.PublicBaseUrl + "/%";

        JobCounts counts;
        double endToEndSeconds;
        long sirvImageRows;
        long otherImageRows;
        long completedWithoutSirvImage;
        await using (var system = await LoopbackSystem.StartAsync(ServiceSettings.InstantProvider(concurrency) with
        {
            SiloEnvironment = new Dictionary<string, string?>
            {
                ["SIRV_CLIENT_ID"] = SirvTestHost.ClientId,
                ["SIRV_CLIENT_SECRET"] = SirvTestHost.ClientSecret,
                ["SIRV_PUBLIC_URL"] = host.PublicBaseUrl,
                ["SIRV_API_BASE_URL"] = host.BaseAddress.ToString(),
                [SirvRateLimitMaxWaitVariable] = RateLimitMaxWaitSeconds.ToString(CultureInfo.InvariantCulture),
            },
        }))
        {
            var members = await system.NewAccountsAsync(accounts, "sirv");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(bound);
            var clock = Stopwatch.StartNew();
            var submissions = JobSubmitter.SubmitAllAsync(members, jobsPerAccount, (_, _) => 1, "sirv header", timeout.Token);
            if (await system.WaitUntilAllEndedAsync(submissions, totalJobs, PollEvery, timeout.Token) is not { } ended)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ScenarioResult.Failed(Name,
                    $"not every job ended within {bound.TotalSeconds:0} s: {await system.CountJobsAsync()} of {totalJobs}; the host accepted {host.AcceptedUploads} uploads and answered {host.UploadRateLimitRefusals} upload 429s");
            }

            counts = ended;
            endToEndSeconds = clock.Elapsed.TotalSeconds;
            sirvImageRows = await system.Database.CountAsync(
                $"SELECT COUNT(*) FROM ssnews_image_assets WHERE sirv_cdn_url LIKE '{sirvUrlPattern}'");
            otherImageRows = await system.Database.CountAsync(
                $"SELECT COUNT(*) FROM ssnews_image_assets WHERE sirv_cdn_url NOT LIKE '{sirvUrlPattern}'");
            completedWithoutSirvImage = await system.Database.CountAsync(
                "SELECT COUNT(*) FROM ssnews_jobs j WHERE j.status = 'completed' AND NOT EXISTS " +
                $"(SELECT 1 FROM ssnews_image_assets i WHERE i.job_id = j.job_id AND i.sirv_cdn_url LIKE '{sirvUrlPattern}')");
        }

        var accepted = host.AcceptedUploads;
        var figures = new List<Figure>
        {
            new("jobs", totalJobs, "jobs", 0),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed", counts.Failed, "jobs", 0),
            new("uploads accepted by the Sirv host", accepted, "uploads", 0),
            new("upload requests the Sirv host received", host.Uploads.Count, "requests", 0),
            new("uploads/s (first submit to last job ended)", accepted / endToEndSeconds, "uploads/s", 1),
            new("upload ceiling (limit / window)", ceiling, "uploads/s", 1),
            new("429s absorbed (upload bucket)", host.UploadRateLimitRefusals, "responses", 0),
            new("429s absorbed (global bucket)", host.GlobalRateLimitRefusals, "responses", 0),
            new("token requests", host.TokenRequests, "requests", 0),
            new("end-to-end (first submit to last job ended)", endToEndSeconds, "s", 1),
            new("end-to-end throughput", totalJobs / endToEndSeconds, "jobs/s", 1),
            new("image rows with Sirv URLs", sirvImageRows, "rows", 0),
            new("image rows with other URLs", otherImageRows, "rows", 0),
            new("completed jobs without a Sirv image row", completedWithoutSirvImage, "jobs", 0),
        };

        var lost = totalJobs - counts.Terminal;
        if (lost > 0)
        {
            return ScenarioResult.Failed(Name, $"{lost} jobs lost", figures);
        }

        return otherImageRows == 0 && completedWithoutSirvImage == 0
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name,
                $"images were not all stored on the Sirv host: {otherImageRows} image rows point elsewhere, {completedWithoutSirvImage} completed jobs have no Sirv image row",
                figures);
    }
}
