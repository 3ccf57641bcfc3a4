using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>
/// The whole service as processes on loopback: the Ideogram simulator, one silo and the API, on a
/// database of the fixture's own, with local-disk images in a temporary folder. Tests create their
/// own accounts through the admin API, so they never see each other's rows.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private readonly List<ServiceProcess> processes = [];

    public TestDatabase Database { get; } = new();

    public string AdminKey { get; } = "ijk_admin_" + Guid.NewGuid().ToString("N");

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "ij-api-images-" + Guid.NewGuid().ToString("N"));

    public int ApiPort { get; } = FreePort.Next();

    public int SimulatorPort { get; } = FreePort.Next();

    /// <summary>The silo's operations listener (SILO_HTTP_PORT): health and /metrics.</summary>
    public int SiloHttpPort { get; } = FreePort.Next();

    /// <summary>The Ideogram key the silo is given, which must never show anywhere.</summary>
    public const string IdeogramKey = "api-tests-ideogram-key";

    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}");

    /// <summary>The interval of keep-alive comments on the API's event streams.</summary>
    public const int HeartbeatSeconds = 1;

    public HttpClient Simulator { get; private set; } = null!;

    /// <summary>The API process, for what only the process can tell (its CPU time).</summary>
    public ServiceProcess Api { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output));

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Directory.CreateDirectory(ImageRoot);

        processes.Add(ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", new Dictionary<string, string?>
        {
            ["SIMULATOR_URLS"] = $"http://127.0.0.1:{SimulatorPort}",
            ["SIMULATOR_LATENCY_SCALE"] = "0",
        }));
        processes.Add(ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["MIGRATE_ON_START"] = "false",
            ["SILO_PORT"] = FreePort.Next().ToString(),
            ["GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["SILO_HTTP_PORT"] = SiloHttpPort.ToString(),
            ["IDEOGRAM_API_KEY"] = IdeogramKey,
            ["IDEOGRAM_BASE_URL"] = $"http://127.0.0.1:{SimulatorPort}",
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
            ["RETRY_BASE_DELAY_SECONDS"] = "0.2",
            ["RETRY_MAX_DELAY_SECONDS"] = "1",
        }));
        Api = ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["API_PORT"] = ApiPort.ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["ADMIN_API_KEY"] = AdminKey,
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
            // Event-stream tests see keep-alive comments within seconds rather than the default 15.
            ["SSE_HEARTBEAT_SECONDS"] = HeartbeatSeconds.ToString(),
        });
        processes.Add(Api);

        Simulator = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{SimulatorPort}"), Timeout = TimeSpan.FromSeconds(15) };
        Admin = Client(AdminKey);
        try
        {
            await Eventually.Until(
                async () => (await Anonymous().GetAsync("/health")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(120),
                "the API's /health to be 200 with the silo up");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + Output);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await Database.DisposeAsync();
        Directory.Delete(ImageRoot, recursive: true);
    }

    /// <summary>A client that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient Client(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient Anonymous() => new() { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient SiloHttp() => new() { BaseAddress = new Uri($"http://127.0.0.1:{SiloHttpPort}"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A new account (with the default job types) and a key of the given role for it.</summary>
    public async Task<TestAccount> NewAccountAsync(string role = "user")
    {
        var slug = "acct-" + Guid.NewGuid().ToString("N")[..10];
        using var created = await Admin.PostAsJsonAsync("/api/admin/accounts", new
        {
            organizationSlug = "org-" + slug,
            organizationName = "Org " + slug,
            accountSlug = slug,
            accountName = "Account " + slug,
        });
        Assert.True(created.IsSuccessStatusCode, $"creating an account: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var accountId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["accountId"]!.GetValue<string>();

        using var issued = await Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "tests", role });
        Assert.True(issued.IsSuccessStatusCode, $"issuing a key: {(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync()}");
        var key = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        return new TestAccount(accountId, key, Client(key));
    }

    public async Task ConfigureSimulatorAsync(object settings)
    {
        using var response = await Simulator.PutAsJsonAsync("/_simulator/config", settings);
        response.EnsureSuccessStatusCode();
    }
}
