using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.OrganisationKeys;

/// <summary>
/// The service as processes on loopback with a master key (SECRET_ENCRYPTION_KEYS), and a simulator that knows the
/// service key and the organisations' keys (its allow-list), so a third key is refused with 401 as Ideogram would.
/// Generations take about a second, so jobs overlap and each key's limit is reached.
/// </summary>
public sealed class OrganisationKeysFixture : IAsyncLifetime
{
    public const string ServiceKey = "orgkeys-tests-service-key";
    public const string KeyOfA = "orgkeys-tests-key-of-a-0001";
    public const string KeyOfB = "orgkeys-tests-key-of-b-0002";
    public const string RefusedKey = "orgkeys-tests-refused-key-0003";

    /// <summary>Used only by the usage and storage tests, so the other tests' counts of A's and B's images stay their own.</summary>
    public const string UsageKey = "orgkeys-tests-usage-key-0004";

    /// <summary>The id of the fixture's master key, which every stored value names.</summary>
    public const string MasterKeyId = "test1";

    private readonly List<ServiceProcess> processes = [];

    public TestDatabase Database { get; } = new();

    public string AdminKey { get; } = "ijk_admin_" + Guid.NewGuid().ToString("N");

    public int ApiPort { get; } = FreePort.Next();

    public int SimulatorPort { get; } = FreePort.Next();

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "ij-orgkeys-images-" + Guid.NewGuid().ToString("N"));

    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}");

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Simulator { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output));

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Directory.CreateDirectory(ImageRoot);
        var masterKey = MasterKeyId + ":" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        processes.Add(ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", new Dictionary<string, string?>
        {
            ["SIMULATOR_URLS"] = $"http://127.0.0.1:{SimulatorPort}",
            ["SIMULATOR_LATENCY_SCALE"] = "0.15",
            ["SIMULATOR_API_KEYS"] = string.Join(',', ServiceKey, KeyOfA, KeyOfB, UsageKey),
        }));
        processes.Add(ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["MIGRATE_ON_START"] = "false",
            ["SILO_PORT"] = FreePort.Next().ToString(),
            ["GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["SILO_HTTP_PORT"] = FreePort.Next().ToString(),
            ["IDEOGRAM_API_KEY"] = ServiceKey,
            ["IDEOGRAM_BASE_URL"] = $"http://127.0.0.1:{SimulatorPort}",
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
            ["SECRET_ENCRYPTION_KEYS"] = masterKey,
            ["RETRY_BASE_DELAY_SECONDS"] = "0.2",
            ["RETRY_MAX_DELAY_SECONDS"] = "1",
        }));
        processes.Add(ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
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
                async () => (await new HttpClient { BaseAddress = ApiBase }.GetAsync("/health")).IsSuccessStatusCode,
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

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A new organisation with one account and a user key for it; returns the account and its organisation's id.</summary>
    public async Task<(TestAccount Account, string OrganizationId)> NewOrganisationAsync()
    {
        var slug = "acct-" + Guid.NewGuid().ToString("N")[..10];
        using var created = await Admin.PostAsJsonAsync("/api/admin/accounts", new
        {
            organizationSlug = "org-" + slug,
            organizationName = "Org " + slug,
            accountSlug = slug,
            accountName = "Account " + slug,
        });
        var account = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.True(created.IsSuccessStatusCode, $"creating an account: {(int)created.StatusCode} {account}");
        var accountId = account["accountId"]!.GetValue<string>();
        using var issued = await Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "tests", role = "user" });
        var key = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        return (new TestAccount(accountId, key, Client(key)), account["organizationId"]!.GetValue<string>());
    }

    /// <summary>The simulator's counters for one key (by its fingerprint), or null when it never saw the key.</summary>
    public async Task<JsonNode?> SimulatorStatsOfAsync(string apiKey)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)))[..12];
        return JsonNode.Parse(await Simulator.GetStringAsync("/_simulator/stats"))!["keys"]![fingerprint];
    }
}
