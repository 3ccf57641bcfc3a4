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
public sealed class OrganisationKeysFixture() : LoopbackServiceFixture(ServiceKey)
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

    private readonly string masterKey = MasterKeyId + ":" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override Dictionary<string, string?> Configure(LoopbackProcess process, Dictionary<string, string?> environment)
    {
        if (process == LoopbackProcess.Simulator)
        {
            environment["SIMULATOR_LATENCY_SCALE"] = "0.15";
            environment["SIMULATOR_API_KEYS"] = string.Join(',', ServiceKey, KeyOfA, KeyOfB, UsageKey);
        }
        else if (process == LoopbackProcess.Silo)
        {
            environment["SECRET_ENCRYPTION_KEYS"] = masterKey;
        }

        return environment;
    }

    /// <summary>The simulator's counters for one key (by its fingerprint), or null when it never saw the key.</summary>
    public async Task<JsonNode?> SimulatorStatsOfAsync(string apiKey)
    {
        var fingerprint = SimulatorKeyFingerprint.Of(apiKey);
        return JsonNode.Parse(await Simulator.GetStringAsync("/_simulator/stats"))!["keys"]![fingerprint];
    }
}
