using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Issue scenario 5: what a silo carries for many accounts. Accounts (each with the default job
/// types and a user key) are created through the admin API, then each is used as a client would:
/// its account grain, job type catalog and every job type's grain are activated through the API.
/// The silo's resident set (/proc) and managed memory (GET /api/admin/cluster) are read after
/// start-up and again after the activations, each time after the same settle.
/// </summary>
public sealed class FootprintScenario : IScenario
{
    private const int Parallelism = 16;
    private const double TargetMegabytes = 400;
    private const double Megabyte = 1024 * 1024;

    /// <summary>Lets Orleans' smoothed memory figures follow the last allocations before a reading.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public int Number => 5;

    public string Name => "5. Footprint";

    public async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var accounts = settings.Quick ? 200 : 10_000;
        await using var system = await LoopbackSystem.StartAsync(new ServiceSettings(
            SimulatorLatencyScale: 0,
            SimulatorInflightLimit: 10,
            IdeogramMaxInflightImages: 10,
            MaxConcurrentJobs: 5));
        var siloProcessId = system.Silos[0].Process.ProcessId;
        var apiProcessId = system.Api.ProcessId;
        using var users = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Parallelism })
        {
            BaseAddress = system.ApiBase,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        var figures = new List<Figure> { new("accounts", accounts, "accounts", 0) };

        try
        {
            var before = await SampleAsync(system, siloProcessId, apiProcessId, cancellationToken);

            var members = new ConcurrentBag<(string AccountId, string Key)>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, accounts), parallel, async (i, token) =>
                members.Add(await system.ProvisionAccountAsync("fp" + i.ToString(CultureInfo.InvariantCulture), token)));
            var provisioningSeconds = clock.Elapsed.TotalSeconds;
            figures.Add(new("provisioning (account, job types, key)", provisioningSeconds, "s", 1));
            figures.Add(new("provisioning rate", accounts / provisioningSeconds, "accounts/s", 1));

            var requests = 0;
            clock.Restart();
            await Parallel.ForEachAsync(members, parallel, async (member, token) =>
                Interlocked.Add(ref requests, await ActivateAsync(system.Admin, users, member.AccountId, member.Key, token)));
            var activationSeconds = clock.Elapsed.TotalSeconds;
            figures.Add(new("activation requests", requests, "requests", 0));
            figures.Add(new("activation request rate", requests / activationSeconds, "requests/s", 1));

            var after = await SampleAsync(system, siloProcessId, apiProcessId, cancellationToken);
            figures.AddRange(
            [
                new("silo activations before", before.Activations, "activations", 0),
                new("silo activations after", after.Activations, "activations", 0),
                new("silo RSS before", before.SiloResidentBytes / Megabyte, "MB", 1),
                new("silo RSS after", after.SiloResidentBytes / Megabyte, "MB", 1),
                new("silo managed memory before", before.SiloManagedBytes / Megabyte, "MB", 1),
                new("silo managed memory after", after.SiloManagedBytes / Megabyte, "MB", 1),
                new("silo RSS per account", (after.SiloResidentBytes - before.SiloResidentBytes) / 1024.0 / accounts, "KB", 1),
                new("silo managed memory per account", (after.SiloManagedBytes - before.SiloManagedBytes) / 1024.0 / accounts, "KB", 1),
                new("API RSS before", before.ApiResidentBytes / Megabyte, "MB", 1),
                new("API RSS after", after.ApiResidentBytes / Megabyte, "MB", 1),
            ]);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ScenarioResult.Failed(Name, $"{e.GetType().Name}: {e.Message}", figures);
        }

        return new ScenarioResult(Name, figures,
        [
            $"one silo; {accounts.ToString("N0", CultureInfo.InvariantCulture)} accounts created {Parallelism} at a time through the admin API (account, its default job types, a user key)",
            $"activation per account, {Parallelism} accounts at a time: admin GET of the account (account grain), GET /api/jobs/configurations with its key (catalog), GET of each job type (job type grains)",
            $"readings {Settle.TotalSeconds:0} s after start-up and after the activations; RSS from /proc VmRSS, managed memory and activations as GET /api/admin/cluster reports them (smoothed by Orleans)",
            $"target: silo RSS ≤ {TargetMegabytes:0} MB with 10,000 accounts active",
            "API RSS for comparison; the target is about the silo",
        ]);
    }

    /// <summary>Uses the account as a client would; answers how many requests that took.</summary>
    private static async Task<int> ActivateAsync(HttpClient admin, HttpClient users, string accountId, string key, CancellationToken cancellationToken)
    {
        using (var account = await admin.GetAsync($"/api/admin/accounts/{accountId}", cancellationToken))
        {
            await ApiResponses.ReadSuccessAsync(account, "reading an account", cancellationToken);
        }

        var list = await SendAsUserAsync(users, key, "/api/jobs/configurations", "listing an account's job types", cancellationToken);
        var configIds = list["items"]!.AsArray().Select(item => item!["configId"]!.GetValue<int>()).ToList();
        foreach (var configId in configIds)
        {
            await SendAsUserAsync(users, key, $"/api/jobs/configurations/{configId}", "reading a job type", cancellationToken);
        }

        return 2 + configIds.Count;
    }

    private static async Task<JsonNode> SendAsUserAsync(HttpClient users, string key, string path, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await users.SendAsync(request, cancellationToken);
        return await ApiResponses.ReadSuccessAsync(response, what, cancellationToken);
    }

    private static async Task<Sample> SampleAsync(LoopbackSystem system, int siloProcessId, int apiProcessId, CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        using var response = await system.Admin.GetAsync("/api/admin/cluster", cancellationToken);
        var silo = (await ApiResponses.ReadSuccessAsync(response, "reading the cluster", cancellationToken))["silos"]!.AsArray().Single()!;
        return new Sample(
            ResidentMemory.Of(siloProcessId),
            silo["memoryUsageBytes"]!.GetValue<long>(),
            silo["activationCount"]!.GetValue<int>(),
            ResidentMemory.Of(apiProcessId));
    }

    private sealed record Sample(long SiloResidentBytes, long SiloManagedBytes, int Activations, long ApiResidentBytes);
}
