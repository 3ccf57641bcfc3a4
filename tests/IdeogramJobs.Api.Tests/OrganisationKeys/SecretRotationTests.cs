using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.OrganisationKeys;

/// <summary>
/// The silo's <c>secrets rotate</c> command over real processes: an organisation key stored under an old master key is
/// re-encrypted under a new one, and a silo that knows only the new key then sends it to Ideogram. Its own service,
/// because the silo is restarted with another SECRET_ENCRYPTION_KEYS.
/// </summary>
public sealed class SecretRotationTests : IAsyncLifetime
{
    private const string ServiceKey = "rotation-tests-service-key";
    private const string OrganisationKey = "rotation-tests-organisation-key-5150";

    private readonly List<ServiceProcess> processes = [];
    private readonly TestDatabase database = new();
    private readonly string adminKey = "ijk_admin_" + Guid.NewGuid().ToString("N");
    private readonly int apiPort = FreePort.Next();
    private readonly int simulatorPort = FreePort.Next();
    private readonly string imageRoot = Path.Combine(Path.GetTempPath(), "ij-rotation-images-" + Guid.NewGuid().ToString("N"));
    private readonly string oldMasterKey = "old1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string newMasterKey = "new1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private HttpClient admin = null!;
    private HttpClient simulator = null!;

    private Uri ApiBase => new($"http://127.0.0.1:{apiPort}");

    private string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output));

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.MigrateAsync();
        Directory.CreateDirectory(imageRoot);
        processes.Add(ServiceProcess.Start("src/IdeogramJobs.Ideogram.Simulator", new Dictionary<string, string?>
        {
            ["SIMULATOR_URLS"] = $"http://127.0.0.1:{simulatorPort}",
            ["SIMULATOR_LATENCY_SCALE"] = "0",
            ["SIMULATOR_API_KEYS"] = string.Join(',', ServiceKey, OrganisationKey),
        }));
        processes.Add(StartSilo(oldMasterKey));
        processes.Add(ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["API_PORT"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ORLEANS_CLUSTER_ID"] = database.Name,
            ["ORLEANS_SERVICE_ID"] = database.Name,
            ["ADMIN_API_KEY"] = adminKey,
            ["IMAGE_STORAGE_PATH"] = imageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
        }));
        simulator = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simulatorPort}"), Timeout = TimeSpan.FromSeconds(15) };
        admin = Client(adminKey);
        await WaitForHealthAsync("the API's /health to be 200 with the first silo up");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        admin.Dispose();
        simulator.Dispose();
        await database.DisposeAsync();
        Directory.Delete(imageRoot, recursive: true);
    }

    [Fact]
    public async Task Secrets_rotate_re_encrypts_an_organisation_key_under_the_new_master_key_and_the_key_still_works_without_the_old_one()
    {
        var (account, organizationId) = await NewOrganisationAsync();
        using var set = await admin.PutAsJsonAsync($"/api/admin/organizations/{organizationId}/ideogram-key", new { apiKey = OrganisationKey });
        Assert.True(set.IsSuccessStatusCode, $"setting the key answered {(int)set.StatusCode}");
        await account.WaitForAsync(await account.ExecuteAsync("blog_header", "before the rotation", new { numImages = 1 }), "completed");
        var before = await StoredKeyAsync(organizationId);
        Assert.StartsWith("v1.old1.", before, StringComparison.Ordinal);

        // The running silo knows only the old key; an operator stops it, rotates with both, and restarts with the new one alone.
        await processes[1].StopAsync(TimeSpan.FromSeconds(60));
        var rotate = StartSilo($"{newMasterKey};{oldMasterKey}", "secrets", "rotate");
        processes.Add(rotate);
        var exitCode = await rotate.WaitForExitAsync(TimeSpan.FromSeconds(120), "the secrets rotate command to end");
        Assert.True(exitCode == 0, $"secrets rotate exited {exitCode}:{Environment.NewLine}{rotate.Output}");
        Assert.Contains("Re-encrypted 1 organisation Ideogram keys", rotate.Output, StringComparison.Ordinal);

        var after = await StoredKeyAsync(organizationId);
        Assert.StartsWith("v1.new1.", after, StringComparison.Ordinal);
        Assert.DoesNotContain(OrganisationKey, after, StringComparison.Ordinal);

        processes.Add(StartSilo(newMasterKey));
        await WaitForHealthAsync("the API's /health to be 200 with the restarted silo up");
        var jobId = await Eventually.Until(
            async () =>
            {
                using var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "after the rotation", overrides = new { numImages = 1 } });
                return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["jobId"]!.GetValue<long>() : 0;
            },
            id => id > 0,
            TimeSpan.FromSeconds(60),
            "the API to accept a job through the restarted silo");
        await account.WaitForAsync(jobId, "completed");

        Assert.Equal(2, await ImagesOfAsync(OrganisationKey));
        Assert.Equal(0, await ImagesOfAsync(ServiceKey));
        Assert.DoesNotContain(OrganisationKey, Output, StringComparison.Ordinal);
    }

    private ServiceProcess StartSilo(string masterKeys, params string[] args) =>
        ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["MIGRATE_ON_START"] = "false",
            ["SILO_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GATEWAY_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ORLEANS_CLUSTER_ID"] = database.Name,
            ["ORLEANS_SERVICE_ID"] = database.Name,
            ["SILO_HTTP_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IDEOGRAM_API_KEY"] = ServiceKey,
            ["IDEOGRAM_BASE_URL"] = $"http://127.0.0.1:{simulatorPort}",
            ["IMAGE_STORAGE_PATH"] = imageRoot,
            ["PUBLIC_BASE_URL"] = ApiBase.ToString().TrimEnd('/'),
            ["SECRET_ENCRYPTION_KEYS"] = masterKeys,
        }, args);

    private async Task WaitForHealthAsync(string awaited)
    {
        using var probe = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.Until(async () => (await probe.GetAsync("/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(120), awaited);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + Output);
        }
    }

    private async Task<string> StoredKeyAsync(string organizationId) =>
        Assert.Single(await database.QueryAsync($"SELECT encrypted_key FROM ideogram_organization_keys WHERE organization_id = '{organizationId}'"))["encrypted_key"]!;

    private async Task<(TestAccount Account, string OrganizationId)> NewOrganisationAsync()
    {
        var slug = "rot-" + Guid.NewGuid().ToString("N")[..10];
        using var created = await admin.PostAsJsonAsync("/api/admin/accounts", new
        {
            organizationSlug = "org-" + slug,
            organizationName = "Org " + slug,
            accountSlug = slug,
            accountName = "Account " + slug,
        });
        var account = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.True(created.IsSuccessStatusCode, $"creating an account: {(int)created.StatusCode} {account}");
        var accountId = account["accountId"]!.GetValue<string>();
        using var issued = await admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "tests", role = "user" });
        var key = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        return (new TestAccount(accountId, key, Client(key)), account["organizationId"]!.GetValue<string>());
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<long> ImagesOfAsync(string apiKey)
    {
        var fingerprint = SimulatorKeyFingerprint.Of(apiKey);
        return JsonNode.Parse(await simulator.GetStringAsync("/_simulator/stats"))!["keys"]![fingerprint]?["images"]?.GetValue<long>() ?? 0;
    }
}
