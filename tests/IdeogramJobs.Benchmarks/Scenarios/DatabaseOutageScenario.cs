using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Load;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Recovery: the database goes away under load. Two silos and the API run on a MariaDB server of the
/// scenario's own, jobs are submitted and read at a steady rate, the server is shut down for a while
/// (submissions and reads go on) and started again. The API must answer fast meanwhile (503 with
/// Retry-After), no accepted job may be lost, the silos must still be members, and every job must end.
/// </summary>
public sealed class DatabaseOutageScenario : IScenario
{
    private const string StatusKind = "status";
    private const string SubmitKind = "submit";
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public int Number => 11;

    public string Name => "11. Recovery: database outage";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 2 : 4;
        var ratePerSecond = settings.Quick ? 3 : 4;
        var before = TimeSpan.FromSeconds(settings.Quick ? 6 : 20);
        var outage = TimeSpan.FromSeconds(settings.Quick ? 8 : 30);
        var after = TimeSpan.FromSeconds(settings.Quick ? 6 : 20);
        var latencySeconds = settings.Quick ? 1.0 : 2.0;
        const int perAccount = 3;
        const int silos = 2;
        var inflight = accounts * perAccount;
        var bound = TimeSpan.FromSeconds(settings.Quick ? 180 : 300);

        await using var server = await PrivateMariaDb.StartAsync(cancellationToken);
        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(latencySeconds),
            SimulatorInflightLimit: inflight,
            IdeogramMaxInflightImages: inflight,
            MaxConcurrentJobs: perAccount)
        { Silos = silos, DatabaseServerUrl = server.Url });
        var members = await system.NewAccountsAsync(accounts, "outage");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound + before + outage + after);
        var clock = Stopwatch.StartNew();
        var calls = new ConcurrentBag<OutageCall>();
        var accepted = new ConcurrentDictionary<long, int>();
        using var stopLoad = new CancellationTokenSource();
        var load = SendLoadAsync(members, ratePerSecond, clock, calls, accepted, stopLoad.Token);

        await Task.Delay(before, timeout.Token);
        var completedBefore = (await system.CountJobsAsync()).Completed;
        var stopping = clock.Elapsed.TotalSeconds;
        await server.StopAsync(timeout.Token);
        var down = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"[bench] MariaDB stopped at {down:0.0} s (shutdown took {down - stopping:0.0} s)");

        await Task.Delay(outage / 2, timeout.Token);
        var (readyStatus, readyNamesDatabase) = await ReadinessAsync(system, timeout.Token);
        await Task.Delay(outage / 2, timeout.Token);

        var restarting = clock.Elapsed.TotalSeconds;
        await server.StartAgainAsync(timeout.Token);
        var up = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"[bench] MariaDB answering again at {up:0.0} s (start took {up - restarting:0.0} s)");
        var acceptedBeforeUp = accepted.Keys.ToList();

        double? firstCompletion = null;
        double? backlogDrained = null;
        double? allEnded = null;
        var loadEndsAt = up + after.TotalSeconds;
        JobCounts counts = new(0, 0, 0, 0, 0);
        using var ticker = new PeriodicTimer(PollEvery);
        try
        {
            while (allEnded is null && await ticker.WaitForNextTickAsync(timeout.Token))
            {
                if (!stopLoad.IsCancellationRequested && clock.Elapsed.TotalSeconds >= loadEndsAt)
                {
                    await stopLoad.CancelAsync();
                    await load;
                }

                counts = await system.CountJobsAsync();
                firstCompletion ??= counts.Completed > completedBefore ? clock.Elapsed.TotalSeconds : null;
                if (backlogDrained is null && await UnendedAsync(system, acceptedBeforeUp) == 0)
                {
                    backlogDrained = clock.Elapsed.TotalSeconds;
                }

                if (load.IsCompleted && counts.Queued + counts.Processing == 0 && await UnendedAsync(system, [.. accepted.Keys]) == 0)
                {
                    allEnded = clock.Elapsed.TotalSeconds;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below: what did not end within the bound is what was lost or stuck.
        }

        await stopLoad.CancelAsync();
        await load;
        var stored = await StoredAsync(system, [.. accepted.Keys]);
        var lost = accepted.Count - stored;
        var unended = await UnendedAsync(system, [.. accepted.Keys]);
        var membership = await MembershipAsync(system);
        var exited = system.Silos.Count(s => s.Process.HasExited);
        var integrity = await system.CheckIntegrityAsync();
        var accounting = await RunAccounting.ReadAsync(system, cancellationToken);

        var during = calls.Where(c => c.SentAt >= down && c.SentAt + (c.Milliseconds / 1000) <= restarting).ToList();
        var touching = calls.Where(c => c.SentAt < up && c.SentAt + (c.Milliseconds / 1000) > stopping).ToList();
        var latency = LatencySummary.From([.. during.Select(c => c.Milliseconds)], 0, 0);
        var unavailable = during.Count(c => c is { Status: 503, RetryAfter: true, NamesDatabase: true });
        var answeredFromMemory = during.Count(c => c is { Kind: StatusKind, Status: 200 });
        var otherAnswers = during.Where(c => c is not { Status: 503, RetryAfter: true, NamesDatabase: true } and not { Kind: StatusKind, Status: 200 }).ToList();
        var acceptedDuring = calls.Count(c => c.Kind == SubmitKind && c.Status == 202 && c.SentAt >= down && c.SentAt < restarting);
        var firstAccepted = calls.Where(c => c.Kind == SubmitKind && c.Status == 202 && c.SentAt >= up).Select(c => c.SentAt + (c.Milliseconds / 1000)).DefaultIfEmpty(double.NaN).Min();

        var figures = new List<Figure>
        {
            new("outage (server stopped to started again)", restarting - down, "s", 1),
            new("submissions sent", calls.Count(c => c.Kind == SubmitKind), "requests", 0),
            new("submissions accepted (202)", accepted.Count, "jobs", 0),
            new("API calls answered while the database was down", during.Count, "calls", 0),
            new("  503 + Retry-After naming the database", unavailable, "calls", 0),
            new("  200 status reads (the job grain answers from memory)", answeredFromMemory, "calls", 0),
            new("  any other answer (500, 202, no answer)", otherAnswers.Count, "calls", 0, "0"),
            new("submissions accepted (202) while the database was down", acceptedDuring, "jobs", 0, "0"),
            new("answer latency during the outage, p50", latency.P50, "ms", 0),
            new("answer latency during the outage, p99", latency.P99, "ms", 0, "< 2000"),
            new("slowest answer of a call sent or answered during the outage", touching.Select(c => c.Milliseconds).DefaultIfEmpty(double.NaN).Max(), "ms", 0),
            new("/health/ready mid-outage", readyStatus, "status", 0, "503"),
            new("accepted jobs lost (202 without a row)", lost, "jobs", 0, "0"),
            new("accepted jobs not ended within the bound", unended, "jobs", 0, "0"),
            new("silos still active members afterwards", membership.Active, "silos", 0, silos.ToString(CultureInfo.InvariantCulture)),
            new("silos declared dead", membership.Dead, "silos", 0, "0"),
            new("silo processes that exited", exited, "silos", 0, "0"),
            new("database back to first 202", firstAccepted - up, "s", 1),
            new("database back to first job completed", firstCompletion is { } f ? f - up : double.NaN, "s", 1),
            new("database back to backlog drained (jobs accepted before it)", backlogDrained is { } b ? b - up : double.NaN, "s", 1),
            new("jobs completed", counts.Completed, "jobs", 0),
            new("jobs failed", counts.Failed, "jobs", 0, "0"),
            new("retries spent (retry_count)", integrity.Retries, "attempts", 0),
            new("attempts interrupted by our side", accounting.Causes.Interrupted, "attempts", 0),
            new("duplicate image rows", integrity.DuplicateImageRows, "rows", 0, "0"),
            new("generations billed per completed job", accounting.BilledPerCompletedJob, "per job", 2, "1.00"),
            new("jobs billed more than once", accounting.JobsBilledMoreThanOnce, "jobs", 0),
        };
        var notes = new List<string>
        {
            $"{silos} silos + API on a private MariaDB (scripts/mariadb.sh, own MARIADB_HOME and port), {accounts} accounts, {ratePerSecond} submissions/s and {ratePerSecond} status reads/s for {before.TotalSeconds:0} s, through a {outage.TotalSeconds:0} s shutdown (mariadb-admin shutdown) and for {after.TotalSeconds:0} s after; simulator latency {latencySeconds:0.#} s, MAX_CONCURRENT_JOBS {perAccount}, in-flight limit {inflight}; production membership settings and DATABASE_CONNECT_TIMEOUT_SECONDS default",
            $"/health/ready mid-outage named the database: {(readyNamesDatabase ? "yes" : "no")}",
        };
        if (otherAnswers.Count > 0)
        {
            notes.Add("other answers during the outage: " + string.Join(", ", otherAnswers.GroupBy(c => $"{c.Kind} {c.Status}").Select(g => $"{g.Key} x{g.Count()}")));
        }

        if (accounting.IdleNote is { } idle)
        {
            notes.Add(idle);
        }

        return allEnded is not null && lost == 0
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name, $"within {bound.TotalSeconds:0} s after the restart {unended} accepted job(s) had not ended and {lost} were lost", figures);
    }

    /// <summary>Submits at a steady rate, round robin over the accounts, and reads the status of a job accepted earlier with each.</summary>
    private static async Task SendLoadAsync(
        IReadOnlyList<BenchAccount> accounts, int ratePerSecond, Stopwatch clock, ConcurrentBag<OutageCall> calls, ConcurrentDictionary<long, int> accepted, CancellationToken stop)
    {
        var sent = new List<Task>();
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / ratePerSecond));
        var n = 0;
        try
        {
            while (await ticker.WaitForNextTickAsync(stop))
            {
                var index = n++ % accounts.Count;
                var account = accounts[index];
                var prompt = $"outage header {n}";
                sent.Add(CallAsync(SubmitKind, clock, calls, async () =>
                {
                    var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = JobSubmitter.JobType, prompt, overrides = new { numImages = 1 } }, CancellationToken.None);
                    if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
                    {
                        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                        accepted[body["jobId"]!.GetValue<long>()] = index;
                    }

                    return response;
                }));
                if (accepted.Where(a => a.Value == index).Select(a => (long?)a.Key).LastOrDefault() is { } jobId)
                {
                    sent.Add(CallAsync(StatusKind, clock, calls, () => account.Http.GetAsync($"/api/jobs/{jobId}/status", CancellationToken.None)));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load ends when the scenario says so.
        }

        await Task.WhenAll(sent);
    }

    private static async Task CallAsync(string kind, Stopwatch clock, ConcurrentBag<OutageCall> calls, Func<Task<HttpResponseMessage>> send)
    {
        var sentAt = clock.Elapsed;
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            calls.Add(new OutageCall(
                kind,
                sentAt.TotalSeconds,
                (clock.Elapsed - sentAt).TotalMilliseconds,
                (int)response.StatusCode,
                response.Headers.RetryAfter is not null,
                body.Contains("database is unavailable", StringComparison.Ordinal)));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            calls.Add(new OutageCall(kind, sentAt.TotalSeconds, (clock.Elapsed - sentAt).TotalMilliseconds, 0, false, false));
        }
    }

    private static async Task<(int Status, bool NamesDatabase)> ReadinessAsync(LoopbackSystem system, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = system.ApiBase, Timeout = TimeSpan.FromSeconds(15) };
        using var response = await probe.GetAsync("/health/ready", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var failing = JsonNode.Parse(body)?["failing"]?.AsArray().Select(f => f!.GetValue<string>()) ?? [];
        return ((int)response.StatusCode, failing.Contains("database"));
    }

    private static async Task<long> UnendedAsync(LoopbackSystem system, IReadOnlyList<long> jobIds) => jobIds.Count == 0 ? 0 :
        jobIds.Count - await system.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_jobs WHERE status IN ('completed', 'failed', 'cancelled') AND job_id IN ({string.Join(',', jobIds)})");

    private static async Task<long> StoredAsync(LoopbackSystem system, IReadOnlyList<long> jobIds) => jobIds.Count == 0 ? 0 :
        await system.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id IN ({string.Join(',', jobIds)})");

    private static async Task<(long Active, long Dead)> MembershipAsync(LoopbackSystem system) => (
        await system.Database.CountAsync("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3"),
        await system.Database.CountAsync("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 6"));
}
