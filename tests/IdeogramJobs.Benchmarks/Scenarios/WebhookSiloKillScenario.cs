using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Load;
using IdeogramJobs.Benchmarks.Reporting;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Webhooks across a silo kill: every account has an endpoint on a loopback receiver (which verifies
/// each signature with the StandardWebhooks library); jobs run on three silos and one silo is killed
/// with SIGKILL mid-run. It reports how long a job's end took to reach the receiver (from the outbox
/// row written with the terminal state to the request), deliveries lost (target 0), and duplicates
/// (delivery is at least once, so a silo dying mid-send may repeat one).
/// </summary>
public sealed class WebhookSiloKillScenario : IScenario
{
    private const int InflightLimit = 10;

    public int Number => 14;

    public string Name => "14. Webhooks: delivery latency and loss across a silo kill";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 4 : 10;
        var perAccount = settings.Quick ? 10 : 30;
        var totalJobs = accounts * perAccount;
        var random = new Random(14);
        var plan = Enumerable.Range(0, accounts).Select(_ => Enumerable.Range(0, perAccount).Select(_ => random.Next(1, 3)).ToArray()).ToArray();
        var webhooks = new Dictionary<string, string?>
        {
            ["SECRET_ENCRYPTION_KEYS"] = "bench:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["WEBHOOK_ALLOWED_HOSTS"] = "127.0.0.1",
            ["WEBHOOK_RETRY_BASE_SECONDS"] = "1",
            ["WEBHOOK_RETRY_MAX_SECONDS"] = "5",
            ["WEBHOOK_LEASE_SECONDS"] = "15",
            ["WEBHOOK_POLL_MS"] = "200",
        };

        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: ProviderLatency.ScaleForDefault(1.0),
            SimulatorInflightLimit: InflightLimit,
            IdeogramMaxInflightImages: InflightLimit,
            MaxConcurrentJobs: 5,
            SimulatorImageScale: 8)
        { Silos = 3, SiloEnvironment = webhooks, ApiEnvironment = webhooks });
        var members = await system.NewAccountsAsync(accounts, "hooks", role: "admin");
        foreach (var member in members)
        {
            using var created = await member.Http.PostAsJsonAsync("/api/webhooks/endpoints", new { url = receiver.Url("/bench/" + member.AccountId) }, cancellationToken);
            var body = JsonNode.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
            receiver.Trust(body?["secret"]?.GetValue<string>() ?? throw new InvalidOperationException($"creating an endpoint answered {(int)created.StatusCode}: {body}"));
        }

        var bound = TimeSpan.FromSeconds(settings.Quick ? 300 : 900);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        var submissions = JobSubmitter.SubmitAllAsync(members, perAccount, (a, j) => plan[a][j], "webhook header", timeout.Token);
        var killed = false;
        var killedAt = double.NaN;
        var counts = await system.CountJobsAsync();
        try
        {
            while (!(submissions.IsCompletedSuccessfully && counts.Terminal >= totalJobs))
            {
                await Task.Delay(250, timeout.Token);
                if (submissions.IsFaulted)
                {
                    await submissions;
                }

                counts = await system.CountJobsAsync();
                if (!killed && counts.Terminal >= totalJobs * 0.3)
                {
                    var victim = system.Silos[0];
                    await system.KillSiloAsync(victim);
                    killed = true;
                    killedAt = clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"[bench] {killedAt:0.0} s: killed the silo on port {victim.SiloPort}; {counts.Terminal} of {totalJobs} jobs ended");
                }
            }

            // Every outbox row must reach the receiver: wait (bounded) until each message id has arrived.
            await Eventually.Until(
                async () => (await OutboxAsync(system)).Keys.Except(receiver.Received.Select(r => r.MessageId ?? string.Empty)).Count(),
                missing => missing == 0,
                TimeSpan.FromSeconds(120),
                "every outbox row to reach the receiver");
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"[bench] stopped waiting: {e.Message}");
        }

        var outbox = await OutboxAsync(system);
        var received = receiver.Received;
        var firstReceipt = received.Where(r => r.MessageId is not null).GroupBy(r => r.MessageId!).ToDictionary(g => g.Key, g => g.Min(r => r.ReceivedAt));
        var latencies = outbox.Where(o => firstReceipt.ContainsKey(o.Key)).Select(o => (firstReceipt[o.Key].UtcDateTime - o.Value).TotalMilliseconds).ToList();
        var summary = LatencySummary.From(latencies, 0, 0);
        var lost = outbox.Keys.Count(id => !firstReceipt.ContainsKey(id));
        var duplicates = received.Count - firstReceipt.Count;
        var figures = new List<Figure>
        {
            new("jobs", totalJobs, "jobs", 0),
            new("jobs ended", counts.Terminal, "jobs", 0),
            new("silo killed at", killedAt, "s", 1),
            new("webhook events written (outbox rows)", outbox.Count, "events", 0),
            new("delivered", firstReceipt.Count, "events", 0),
            new("deliveries lost", lost, "events", 0, "0"),
            new("duplicates received (at least once)", duplicates, "requests", 0),
            new("signatures that did not verify", received.Count(r => !r.Verified), "requests", 0, "0"),
            new("delivery latency p50 (terminal state to receiver)", summary.P50, "ms", 0),
            new("delivery latency p99", summary.P99, "ms", 0),
            new("delivery latency max", summary.Max, "ms", 0),
        };
        var notes = new List<string>
        {
            $"3 silos, one killed with SIGKILL once 30% of the jobs had ended; {accounts} accounts x {perAccount} blog_header jobs of 1-2 images at DEFAULT (mean 1 s), in-flight limit {InflightLimit}; each account one endpoint on a loopback receiver that verifies with StandardWebhooks; WEBHOOK_POLL_MS 200, WEBHOOK_LEASE_SECONDS 15 (a row a dead silo was sending waits for its lease to end)",
            "latency is measured from the outbox row's created_at (written in the job's terminal transaction) to the receiver's first receipt of that webhook-id",
        };
        return counts.Terminal >= totalJobs && outbox.Count > 0
            ? new ScenarioResult(Name, figures, notes)
            : ScenarioResult.Failed(Name, $"{counts.Terminal} of {totalJobs} jobs ended and {outbox.Count} events were written within {bound.TotalSeconds:0} s", figures);
    }

    /// <summary>Every delivery row: its webhook-id and when it was written (UTC).</summary>
    private static async Task<Dictionary<string, DateTime>> OutboxAsync(LoopbackSystem system) =>
        (await system.Database.QueryAsync("SELECT message_id, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%f') AS created FROM ideogram_webhook_deliveries"))
            .ToDictionary(r => r["message_id"]!, r => DateTime.SpecifyKind(DateTime.Parse(r["created"]!, CultureInfo.InvariantCulture), DateTimeKind.Utc));
}
