using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>
/// The service as processes on loopback (simulator, one silo, API) set up for webhooks: a master key in
/// SECRET_ENCRYPTION_KEYS, the loopback receiver's address on WEBHOOK_ALLOWED_HOSTS (as an operator would
/// allow an internal host), and retries fast enough that a test sees them within seconds.
/// </summary>
public sealed class WebhookServiceFixture : IAsyncLifetime
{
    /// <summary>How long a hung receiver is waited for before the attempt counts as failed.</summary>
    public const int TimeoutSeconds = 2;

    private readonly List<ServiceProcess> processes = [];

    public TestDatabase Database { get; } = new();

    public string AdminKey { get; } = "ijk_admin_" + Guid.NewGuid().ToString("N");

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "ij-webhook-images-" + Guid.NewGuid().ToString("N"));

    public int ApiPort { get; } = FreePort.Next();

    public int SimulatorPort { get; } = FreePort.Next();

    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}");

    public WebhookReceiver Receiver { get; private set; } = null!;

    public HttpClient Simulator { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output));

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Directory.CreateDirectory(ImageRoot);
        Receiver = await WebhookReceiver.StartAsync();

        var masterKey = "test1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var webhookSettings = new Dictionary<string, string?>
        {
            ["SECRET_ENCRYPTION_KEYS"] = masterKey,
            ["WEBHOOK_ALLOWED_HOSTS"] = "127.0.0.1",
            ["WEBHOOK_RETRY_BASE_SECONDS"] = "0.3",
            ["WEBHOOK_RETRY_MAX_SECONDS"] = "1",
            ["WEBHOOK_POLL_MS"] = "100",
            ["WEBHOOK_TIMEOUT_SECONDS"] = TimeoutSeconds.ToString(),
            ["WEBHOOK_LEASE_SECONDS"] = "10",
        };

        processes.Add(ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", new Dictionary<string, string?>
        {
            ["SIMULATOR_URLS"] = $"http://127.0.0.1:{SimulatorPort}",
            ["SIMULATOR_LATENCY_SCALE"] = "0",
        }));
        processes.Add(ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>(webhookSettings)
        {
            ["DATABASE_URL"] = Database.Url,
            ["MIGRATE_ON_START"] = "false",
            ["SILO_PORT"] = FreePort.Next().ToString(),
            ["GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["SILO_HTTP_PORT"] = FreePort.Next().ToString(),
            ["IDEOGRAM_API_KEY"] = "webhook-tests-ideogram-key",
            ["IDEOGRAM_BASE_URL"] = $"http://127.0.0.1:{SimulatorPort}",
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
            ["RETRY_BASE_DELAY_SECONDS"] = "0.2",
            ["RETRY_MAX_DELAY_SECONDS"] = "1",
        }));
        processes.Add(ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>(webhookSettings)
        {
            ["DATABASE_URL"] = Database.Url,
            ["API_PORT"] = ApiPort.ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["ADMIN_API_KEY"] = AdminKey,
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
        }));

        Simulator = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{SimulatorPort}"), Timeout = TimeSpan.FromSeconds(15) };
        Admin = Client(AdminKey);
        try
        {
            await Eventually.Until(
                async () => (await Client(null).GetAsync("/health")).IsSuccessStatusCode,
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

        await Receiver.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(ImageRoot, recursive: true);
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A new account and a key of the given role for it.</summary>
    public async Task<TestAccount> NewAccountAsync(string role = "admin")
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
