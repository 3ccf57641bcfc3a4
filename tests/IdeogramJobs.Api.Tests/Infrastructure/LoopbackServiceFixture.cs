using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>
/// The whole service as processes on loopback: the Ideogram simulator, one silo and the API, on a
/// database of the fixture's own, with local-disk images in a temporary folder. Tests create their
/// own accounts through the admin API, so they never see each other's rows. A fixture adds the
/// settings its tests need to each process (<see cref="Configure"/>).
/// </summary>
public abstract class LoopbackServiceFixture(string ideogramKey) : IAsyncLifetime
{
    private readonly List<ServiceProcess> processes = [];

    public TestDatabase Database { get; } = new();

    public string AdminKey { get; } = "ijk_admin_" + Guid.NewGuid().ToString("N");

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "ij-api-images-" + Guid.NewGuid().ToString("N"));

    public int ApiPort { get; } = FreePort.Next();

    public int SimulatorPort { get; } = FreePort.Next();

    /// <summary>The silo's operations listener (SILO_HTTP_PORT): health and /metrics.</summary>
    public int SiloHttpPort { get; } = FreePort.Next();

    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}");

    public HttpClient Simulator { get; private set; } = null!;

    /// <summary>The API process, for what only the process can tell (its CPU time).</summary>
    public ServiceProcess Api { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output));

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Directory.CreateDirectory(ImageRoot);

        processes.Add(ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", Configure(LoopbackProcess.Simulator, new Dictionary<string, string?>
        {
            ["SIMULATOR_URLS"] = $"http://127.0.0.1:{SimulatorPort}",
            ["SIMULATOR_LATENCY_SCALE"] = "0",
        })));
        processes.Add(ServiceProcess.Start("silo/IdeogramJobs.Silo", Configure(LoopbackProcess.Silo, new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["MIGRATE_ON_START"] = "false",
            ["SILO_PORT"] = FreePort.Next().ToString(),
            ["GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["SILO_HTTP_PORT"] = SiloHttpPort.ToString(),
            ["IDEOGRAM_API_KEY"] = ideogramKey,
            ["IDEOGRAM_BASE_URL"] = $"http://127.0.0.1:{SimulatorPort}",
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
            ["RETRY_BASE_DELAY_SECONDS"] = "0.2",
            ["RETRY_MAX_DELAY_SECONDS"] = "1",
        })));
        Api = ServiceProcess.Start("api/IdeogramJobs.Api", Configure(LoopbackProcess.Api, new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["API_PORT"] = ApiPort.ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            ["ADMIN_API_KEY"] = AdminKey,
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
        }));
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

    /// <summary>The fixture's own settings for one of its processes, added to (or replacing) the common ones.</summary>
    protected virtual Dictionary<string, string?> Configure(LoopbackProcess process, Dictionary<string, string?> environment) => environment;

    public virtual async Task DisposeAsync()
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
    public async Task<TestAccount> NewAccountAsync(string role = "user") => (await NewOrganisationAsync(role)).Account;

    /// <summary>A new organisation with one account and a key of the given role for it; returns the account and its organisation's id.</summary>
    public async Task<(TestAccount Account, string OrganizationId)> NewOrganisationAsync(string role = "user")
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
        var account = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var accountId = account["accountId"]!.GetValue<string>();

        using var issued = await Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "tests", role });
        Assert.True(issued.IsSuccessStatusCode, $"issuing a key: {(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync()}");
        var key = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        return (new TestAccount(accountId, key, Client(key)), account["organizationId"]!.GetValue<string>());
    }

    public async Task ConfigureSimulatorAsync(object settings)
    {
        using var response = await Simulator.PutAsJsonAsync("/_simulator/config", settings);
        response.EnsureSuccessStatusCode();
    }
}
