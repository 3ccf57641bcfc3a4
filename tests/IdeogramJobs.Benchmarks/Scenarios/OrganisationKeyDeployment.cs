using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using IdeogramJobs.Benchmarks.Deployment;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// Organisations with Ideogram keys of their own, as scenarios 13 and 15 deploy them: each key's limit is set in the
/// engine over the admin API and in the simulator (SIMULATOR_KEY_INFLIGHT_LIMITS), and the silos get an encryption
/// key to store the organisations' keys with.
/// </summary>
public static class OrganisationKeyDeployment
{
    /// <summary>Organisation <paramref name="organisation"/>'s own key (a fresh secret each run) with its in-flight limit.</summary>
    public static BenchProviderKey NewKey(int organisation, int limit) =>
        new($"org{organisation:00}", $"bench-org{organisation:00}-key-{Guid.NewGuid():N}", limit);

    /// <summary><paramref name="settings"/> with what the organisations' keys need in the silos and the simulator.</summary>
    public static ServiceSettings With(ServiceSettings settings, IEnumerable<BenchProviderKey> keys) => settings with
    {
        SiloEnvironment = new Dictionary<string, string?>(settings.SiloEnvironment)
        {
            ["SECRET_ENCRYPTION_KEYS"] = "bench1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        },
        SimulatorEnvironment = new Dictionary<string, string?>(settings.SimulatorEnvironment)
        {
            ["SIMULATOR_KEY_INFLIGHT_LIMITS"] = string.Join(",", keys.Where(key => !key.IsService).Select(key => $"{key.ApiKey}={key.Limit.ToString(CultureInfo.InvariantCulture)}")),
        },
    };

    /// <summary>
    /// Creates each organisation with its accounts (one organisation slug, several account slugs), stores its key and
    /// limit over the admin API, and creates the service key's accounts, each in an organisation without a key.
    /// </summary>
    public static async Task ProvisionAsync(
        LoopbackSystem system, IEnumerable<BenchProviderKey> keys, int accountsPerOrganisation, int serviceAccounts, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var isService = key.IsService;
            var accounts = isService ? serviceAccounts : accountsPerOrganisation;
            var run = Guid.NewGuid().ToString("N")[..8];
            string? organizationId = null;
            for (var a = 0; a < accounts; a++)
            {
                var organizationSlug = isService ? $"svc{a}-{run}" : $"{key.Label}-{run}";
                using var created = await system.Admin.PostAsJsonAsync("/api/admin/accounts", new
                {
                    organizationSlug,
                    organizationName = "Org " + organizationSlug,
                    accountSlug = $"{key.Label}-a{a}-{run}",
                    accountName = $"Account {a} of {key.Label}",
                }, cancellationToken);
                var account = await ApiResponses.ReadSuccessAsync(created, "creating an account", cancellationToken);
                var accountId = account["accountId"]!.GetValue<string>();
                organizationId = account["organizationId"]!.GetValue<string>();
                using var issued = await system.Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/keys", new { name = "bench", role = "user" }, cancellationToken);
                var apiKey = (await ApiResponses.ReadSuccessAsync(issued, "issuing a key", cancellationToken))["key"]!.GetValue<string>();
                key.Accounts.Add(new BenchAccount(accountId, system.Client(apiKey)));
            }

            if (!isService)
            {
                var keyPath = $"/api/admin/organizations/{organizationId}/ideogram-key";
                using var set = await system.Admin.PutAsJsonAsync(keyPath, new { apiKey = key.ApiKey }, cancellationToken);
                await ApiResponses.ReadSuccessAsync(set, $"setting {key.Label}'s Ideogram key", cancellationToken);
                using var limit = await system.Admin.PutAsJsonAsync(keyPath + "/limit", new { maxInflightImages = key.Limit }, cancellationToken);
                await ApiResponses.ReadSuccessAsync(limit, $"setting {key.Label}'s in-flight limit", cancellationToken);
            }
        }
    }
}
