using IdeogramJobs.Benchmarks.Deployment;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// One Ideogram key of scenarios 13 and 15: the service key or an organisation's own, its in-flight limit (the same in the
/// engine and the simulator), and the accounts whose jobs use it.
/// </summary>
public sealed class BenchProviderKey(string label, string apiKey, int limit)
{
    public string Label { get; } = label;

    public string ApiKey { get; } = apiKey;

    public int Limit { get; } = limit;

    public bool IsService => Label == "service";

    public List<BenchAccount> Accounts { get; } = [];

    /// <summary>How the simulator names the key in /_simulator/stats (the first 12 hex characters of its SHA-256).</summary>
    public string Fingerprint => SimulatorKeyFingerprint.Of(ApiKey);
}
