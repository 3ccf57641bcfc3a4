using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// The whole service as processes on loopback for one scenario: the Ideogram simulator, one or more
/// silos and the API, on a fresh database of its own (dropped at the end) with local-disk images in a
/// temporary folder. Rate limits are raised so only the limits a scenario studies apply. With
/// <see cref="ServiceSettings.HostPerProcess"/> each silo and the API run on a host of their own
/// instead, all on the default ports, and reach MariaDB and the simulator (still on the root
/// namespace's loopback) through relays on the hosts' bridge.
/// </summary>
public sealed class LoopbackSystem : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);

    // Every host has its own addresses, so all use the defaults, as separate machines would.
    private const int HostSiloPort = 11111;
    private const int HostGatewayPort = 30000;
    private const int HostApiPort = 8080;

    private readonly List<ServiceProcess> processes = [];
    private readonly List<SiloHandle> silos = [];
    private readonly List<TcpRelay> relays = [];
    private readonly List<PosixSignalRegistration> signals = [];
    private readonly HostNetwork? network;
    private readonly NetworkHost? apiHost;
    private readonly string adminKey = "ijk_admin_" + Guid.NewGuid().ToString("N");
    private readonly string imageRoot = Path.Combine(Path.GetTempPath(), "ij-bench-images-" + Guid.NewGuid().ToString("N"));
    private readonly int apiPort = FreePort.Next();
    private readonly int simulatorPort = FreePort.Next();

    private Dictionary<string, string?> siloEnvironment = [];

    private LoopbackSystem(string? databaseServerUrl, HostNetwork? network)
    {
        Database = databaseServerUrl is null ? new TestDatabase() : new TestDatabase(databaseServerUrl);
        this.network = network;
        apiHost = network?.AddHost("api");

        // Ctrl-C and SIGTERM end the benchmark without DisposeAsync; its processes must not outlive it.
        signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillProcesses()));
        signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillProcesses()));
        Simulator = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simulatorPort}"), Timeout = TimeSpan.FromSeconds(15) };
        Admin = Client(adminKey);
    }

    public TestDatabase Database { get; }

    public Uri ApiBase => apiHost is null ? new($"http://127.0.0.1:{apiPort}") : new($"http://{apiHost.Address}:{HostApiPort}");

    public HttpClient Simulator { get; }

    public HttpClient Admin { get; }

    /// <summary>The Ideogram simulator process.</summary>
    public ServiceProcess SimulatorProcess { get; private set; } = null!;

    /// <summary>The API process.</summary>
    public ServiceProcess Api { get; private set; } = null!;

    /// <summary>Every silo started so far, in start order, killed ones included.</summary>
    public IReadOnlyList<SiloHandle> Silos => silos;

    /// <summary>The last lines of every process, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output.Length > 4000 ? p.Output[^4000..] : p.Output));

    public static async Task<LoopbackSystem> StartAsync(ServiceSettings settings)
    {
        var network = settings.HostPerProcess ? HostNetwork.Create() : null;
        LoopbackSystem system;
        try
        {
            system = new LoopbackSystem(settings.DatabaseServerUrl, network);
        }
        catch
        {
            network?.Dispose();
            throw;
        }

        try
        {
            await system.StartProcessesAsync(settings);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the API that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = ApiBase,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>
    /// A new account (with the default job types) and a client with a key of <paramref name="role"/>
    /// for it: "user", or "admin", whose jobs may override any setting (such as renderingSpeed).
    /// </summary>
    public async Task<BenchAccount> NewAccountAsync(string label, string role = "user")
    {
        var (accountId, key) = await ProvisionAccountAsync(label, CancellationToken.None, role);
        return new BenchAccount(accountId, Client(key));
    }

    /// <summary>A new account (with the default job types) through the admin API, and a key of <paramref name="role"/> for it.</summary>
    public async Task<(string AccountId, string Key)> ProvisionAccountAsync(string label, CancellationToken cancellationToken, string role = "user")
    {
        var slug = label + "-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await Admin.PostAsJsonAsync("/api/admin/accounts", new
        {
            organizationSlug = "org-" + slug,
            organizationName = "Org " + slug,
            accountSlug = slug,
            accountName = "Account " + slug,
        }, cancellationToken);
        var accountId = (await ApiResponses.ReadSuccessAsync(created, "creating an account", cancellationToken))["accountId"]!.GetValue<string>();

        using var issued = await Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "bench", role }, cancellationToken);
        var key = (await ApiResponses.ReadSuccessAsync(issued, "issuing a key", cancellationToken))["key"]!.GetValue<string>();
        return (accountId, key);
    }

    /// <summary><paramref name="count"/> new accounts, labelled <paramref name="label"/>0, 1, ..., each with a key of <paramref name="role"/>.</summary>
    public async Task<List<BenchAccount>> NewAccountsAsync(int count, string label, string role = "user")
    {
        var accounts = new List<BenchAccount>();
        for (var i = 0; i < count; i++)
        {
            accounts.Add(await NewAccountAsync(label + i.ToString(CultureInfo.InvariantCulture), role));
        }

        return accounts;
    }

    /// <summary>
    /// Polls ssnews_jobs until the submissions are done and <paramref name="totalJobs"/> jobs have
    /// ended; a failed submission is thrown. Returns the last counts, or null when the token ended the wait.
    /// </summary>
    public async Task<JobCounts?> WaitUntilAllEndedAsync(Task submissions, long totalJobs, TimeSpan pollEvery, CancellationToken cancellationToken)
    {
        using var ticker = new PeriodicTimer(pollEvery);
        try
        {
            while (await ticker.WaitForNextTickAsync(cancellationToken))
            {
                if (submissions.IsFaulted)
                {
                    await submissions;
                }

                var counts = await CountJobsAsync();
                if (submissions.IsCompletedSuccessfully && counts.Terminal >= totalJobs)
                {
                    return counts;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's bound ended the wait.
        }

        return null;
    }

    /// <summary>The simulator's counters summed over keys (inflightImages, rejectedInflight, ...).</summary>
    public async Task<JsonNode> SimulatorTotalsAsync(CancellationToken cancellationToken)
    {
        var stats = JsonNode.Parse(await Simulator.GetStringAsync("/_simulator/stats", cancellationToken))!;
        return stats["totals"]!;
    }

    /// <summary>The simulator's whole stats document: counters per key, totals and billed prompts.</summary>
    public async Task<JsonNode> SimulatorStatsAsync(CancellationToken cancellationToken) =>
        JsonNode.Parse(await Simulator.GetStringAsync("/_simulator/stats", cancellationToken))!;

    /// <summary>Waits until the simulator holds no images in flight; false when <paramref name="within"/> ran out first.</summary>
    public async Task<bool> WaitForProviderIdleAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.Until(
                async () => (await SimulatorTotalsAsync(cancellationToken))["inflightImages"]!.GetValue<int>() == 0,
                within,
                "the simulator to hold no images in flight");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The live silo the Ideogram capacity grain is active on, as GET /api/admin/capacity names it (asking activates it).</summary>
    public async Task<SiloHandle> CapacitySiloAsync(CancellationToken cancellationToken)
    {
        using var response = await Admin.GetAsync("/api/admin/capacity", cancellationToken);
        var silo = (await ApiResponses.ReadSuccessAsync(response, "reading the Ideogram capacity", cancellationToken))["silo"]!.GetValue<string>();

        return silos.Single(s => s.Is(silo) && !s.Process.HasExited);
    }

    /// <summary>Kills a silo with SIGKILL: no graceful shutdown, its activations and timers are simply gone.</summary>
    public Task KillSiloAsync(SiloHandle silo) => silo.Process.KillAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Ends a silo's whole host as a power cut would: SIGKILL to every process in its namespace, then
    /// its address removed, so packets to it go nowhere and nobody answers them with a reset.
    /// </summary>
    public async Task KillHostAsync(SiloHandle silo)
    {
        network!.KillHost(silo.Host!);
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(30), $"the silo on {silo.Address} to end with its host");
    }

    /// <summary>Stops a silo with SIGTERM, as an operator's restart would: it shuts down gracefully and leaves the cluster.</summary>
    public Task StopSiloAsync(SiloHandle silo) => silo.Process.StopAsync(TimeSpan.FromSeconds(120));

    /// <summary>Starts one more silo (new ports, so a fresh silo generation) and waits until it is active in the cluster.</summary>
    public async Task<SiloHandle> StartSiloAsync(CancellationToken cancellationToken)
    {
        var silo = LaunchSilo();
        await Eventually.Until(
            async () => await Database.CountAsync($"SELECT COUNT(*) FROM {silo.MembershipRows} AND Status = 3") > 0,
            StartBound,
            $"the silo on {silo.Address}:{silo.SiloPort} to be active in the membership table");
        cancellationToken.ThrowIfCancellationRequested();
        return silo;
    }

    /// <summary>Counts of this system's jobs by status, straight from ssnews_jobs.</summary>
    public async Task<JobCounts> CountJobsAsync()
    {
        var rows = await Database.QueryAsync("SELECT status, COUNT(*) AS n FROM ssnews_jobs GROUP BY status");
        long Of(string status) => rows.Where(r => r["status"] == status).Select(r => long.Parse(r["n"]!, CultureInfo.InvariantCulture)).SingleOrDefault();
        return new JobCounts(Of("queued"), Of("processing"), Of("completed"), Of("failed"), Of("cancelled"));
    }

    /// <summary>The processes that serve requests: the running silos, the API, the simulator and MariaDB when local.</summary>
    public IReadOnlyList<int> ServiceProcessIds() =>
    [
        .. silos.Where(s => !s.Process.HasExited).Select(s => s.Process.ProcessId),
        Api.ProcessId,
        SimulatorProcess.ProcessId,
        .. ProcessCpu.MariaDbServer() is { } mariaDb ? [mariaDb] : Array.Empty<int>(),
    ];

    /// <summary>CPU seconds used so far by each part of the deployment (and MariaDB and this benchmark, when local).</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds()
    {
        var used = new Dictionary<string, double>
        {
            ["silo"] = silos.Where(s => !s.Process.HasExited).Sum(s => ProcessCpu.SecondsOf(s.Process.ProcessId)),
            ["API"] = ProcessCpu.SecondsOf(Api.ProcessId),
            ["simulator"] = ProcessCpu.SecondsOf(SimulatorProcess.ProcessId),
            ["benchmark client"] = ProcessCpu.SecondsOf(Environment.ProcessId),
        };
        if (ProcessCpu.MariaDbServer() is { } mariaDb)
        {
            used["MariaDB"] = ProcessCpu.SecondsOf(mariaDb);
        }

        return used;
    }

    /// <summary>Duplicate image rows (same job and index), completed jobs without an image, jobs still processing, retries in all.</summary>
    public async Task<JobIntegrity> CheckIntegrityAsync() => new(
        await Database.CountAsync(
            "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM ssnews_image_assets WHERE job_id IS NOT NULL GROUP BY job_id, image_index HAVING COUNT(*) > 1) d"),
        await Database.CountAsync(
            "SELECT COUNT(*) FROM ssnews_jobs j WHERE j.status = 'completed' AND NOT EXISTS (SELECT 1 FROM ssnews_image_assets i WHERE i.job_id = j.job_id)"),
        await Database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs WHERE status = 'processing'"),
        await Database.CountAsync("SELECT COALESCE(SUM(retry_count), 0) FROM ssnews_jobs"));

    public async ValueTask DisposeAsync()
    {
        foreach (var signal in signals)
        {
            signal.Dispose();
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        foreach (var relay in relays)
        {
            await relay.DisposeAsync();
        }

        network?.Dispose();
        Simulator.Dispose();
        Admin.Dispose();
        await Database.DisposeAsync();
        if (Directory.Exists(imageRoot))
        {
            Directory.Delete(imageRoot, recursive: true);
        }
    }

    private async Task StartProcessesAsync(ServiceSettings settings)
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Directory.CreateDirectory(imageRoot);
        var publicBase = ApiBase.ToString().TrimEnd('/');
        string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

        SimulatorProcess = ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", Overlay(new Dictionary<string, string?>
        {
            ["SIMULATOR_URLS"] = $"http://127.0.0.1:{simulatorPort}",
            ["SIMULATOR_LATENCY_SCALE"] = Number(settings.SimulatorLatencyScale),
            ["SIMULATOR_INFLIGHT_LIMIT"] = Number(settings.SimulatorInflightLimit),
            ["SIMULATOR_IMAGE_SCALE"] = Number(settings.SimulatorImageScale),
            ["LOG_LEVEL"] = "Warning",
        }, settings.SimulatorEnvironment));
        processes.Add(SimulatorProcess);
        var databaseUrl = Reachable(Database.Url);
        siloEnvironment = Overlay(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["MIGRATE_ON_START"] = "false",
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["IDEOGRAM_API_KEY"] = "bench-ideogram-key",
            ["IDEOGRAM_BASE_URL"] = Reachable($"http://127.0.0.1:{simulatorPort}"),
            ["IDEOGRAM_MAX_INFLIGHT_IMAGES"] = Number(settings.IdeogramMaxInflightImages),
            ["MAX_CONCURRENT_JOBS"] = Number(settings.MaxConcurrentJobs),
            ["ACCOUNT_JOBS_PER_MINUTE"] = "1000000",
            ["ACCOUNT_JOBS_PER_DAY"] = "1000000",
            ["ACCOUNT_IMAGES_PER_MINUTE"] = "1000000",
            ["ACCOUNT_IMAGES_PER_DAY"] = "1000000",
            ["ACCOUNT_DAILY_IMAGE_QUOTA"] = "1000000",
            ["IMAGE_STORAGE_PATH"] = imageRoot,
            ["PUBLIC_BASE_URL"] = publicBase,
            ["RETRY_BASE_DELAY_SECONDS"] = "0.2",
            ["RETRY_MAX_DELAY_SECONDS"] = "1",
            ["LOG_LEVEL"] = "Warning",
        }, settings.SiloEnvironment);

        for (var i = 0; i < settings.Silos; i++)
        {
            LaunchSilo();
        }

        var apiEnvironment = Overlay(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["API_BIND_ADDRESS"] = apiHost?.Address.ToString() ?? "127.0.0.1",
            ["API_PORT"] = (apiHost is null ? apiPort : HostApiPort).ToString(CultureInfo.InvariantCulture),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["ADMIN_API_KEY"] = adminKey,
            ["IMAGE_STORAGE_PATH"] = imageRoot,
            ["PUBLIC_BASE_URL"] = publicBase,
            ["LOG_LEVEL"] = "Warning",
        }, settings.ApiEnvironment);
        Api = apiHost is null
            ? ServiceProcess.Start("api/IdeogramJobs.Api", apiEnvironment)
            : ServiceProcess.StartInNetworkNamespace(apiHost.Namespace, "api/IdeogramJobs.Api", apiEnvironment);
        processes.Add(Api);

        using var probe = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.Until(
                async () => await Database.CountAsync("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3") >= settings.Silos,
                StartBound,
                $"all {settings.Silos} silo(s) to be active in the membership table");
            await Eventually.Until(
                async () => (await probe.GetAsync("/health")).IsSuccessStatusCode,
                StartBound,
                "the API's /health to be 200 with the silo up");
        }
        catch (TimeoutException e)
        {
            var members = await Database.QueryAsync("SELECT Address, Port, Status, SiloName FROM OrleansMembershipTable");
            var membership = string.Join("; ", members.Select(m => $"{m["SiloName"]} {m["Address"]}:{m["Port"]} status {m["Status"]}"));
            throw new TimeoutException($"{e.Message}{Environment.NewLine}membership: {membership}{Environment.NewLine}{Output}");
        }
    }

    private void KillProcesses()
    {
        foreach (var process in processes.ToArray())
        {
            process.Kill();
        }
    }

    private static Dictionary<string, string?> Overlay(Dictionary<string, string?> environment, IReadOnlyDictionary<string, string?> extra)
    {
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>
    /// <paramref name="url"/> of a server on the root namespace's loopback as the processes reach it:
    /// unchanged on loopback, else through a relay on the hosts' bridge.
    /// </summary>
    private string Reachable(string url)
    {
        if (network is null)
        {
            return url;
        }

        var uri = new Uri(url);
        var target = new IPEndPoint(IPAddress.TryParse(uri.Host, out var address) ? address : Dns.GetHostAddresses(uri.Host)[0], uri.Port);
        var relay = TcpRelay.Start(network.Gateway, target);
        relays.Add(relay);
        return url.Replace($"{uri.Authority}", $"{relay.Endpoint}", StringComparison.Ordinal);
    }

    private SiloHandle LaunchSilo()
    {
        var host = network?.AddHost("silo" + (silos.Count + 1).ToString(CultureInfo.InvariantCulture));
        var port = host is null ? FreePort.Next() : HostSiloPort;
        var environment = new Dictionary<string, string?>(siloEnvironment)
        {
            ["SILO_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["GATEWAY_PORT"] = (host is null ? FreePort.Next() : HostGatewayPort).ToString(CultureInfo.InvariantCulture),
        };
        if (host is not null)
        {
            environment["SILO_ADVERTISED_ADDRESS"] = host.Address.ToString();
            environment["SILO_LISTEN_ANY"] = "false";
        }

        var process = host is null
            ? ServiceProcess.Start("silo/IdeogramJobs.Silo", environment)
            : ServiceProcess.StartInNetworkNamespace(host.Namespace, "silo/IdeogramJobs.Silo", environment);
        processes.Add(process);
        var silo = new SiloHandle(process, port, host);
        silos.Add(silo);
        return silo;
    }
}
