using System.Globalization;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// What a Quartz peer process is given through its environment: its scheduler's database and instance,
/// the c360req database its jobs write, the simulator, the image folder, the thread count and the accounts.
/// </summary>
public sealed record QuartzPeerSettings(
    string QuartzConnectionString,
    string JobsConnectionString,
    string SimulatorUrl,
    string ImageRoot,
    string PublicBaseUrl,
    int Concurrency,
    string InstanceName,
    IReadOnlyList<PeerAccount> Accounts)
{
    /// <summary>The Api-Key the peer sends, its own so the simulator counts its generations apart.</summary>
    public const string ApiKey = "bench-quartz-peer-key";

    private const string QuartzVariable = "PEER_QUARTZ_CONNECTION";
    private const string JobsVariable = "PEER_JOBS_CONNECTION";
    private const string SimulatorVariable = "PEER_SIMULATOR_URL";
    private const string ImageRootVariable = "PEER_IMAGE_ROOT";
    private const string PublicBaseVariable = "PEER_PUBLIC_BASE_URL";
    private const string ConcurrencyVariable = "PEER_CONCURRENCY";
    private const string InstanceVariable = "PEER_INSTANCE_NAME";
    private const string AccountsVariable = "PEER_ACCOUNTS";

    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        [QuartzVariable] = QuartzConnectionString,
        [JobsVariable] = JobsConnectionString,
        [SimulatorVariable] = SimulatorUrl,
        [ImageRootVariable] = ImageRoot,
        [PublicBaseVariable] = PublicBaseUrl,
        [ConcurrencyVariable] = Concurrency.ToString(CultureInfo.InvariantCulture),
        [InstanceVariable] = InstanceName,
        [AccountsVariable] = string.Join(',', Accounts.Select(a => $"{a.AccountId}={a.ConfigId.ToString(CultureInfo.InvariantCulture)}")),
    };

    public static QuartzPeerSettings FromEnvironment()
    {
        static string Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; the benchmark sets it when it starts a Quartz peer.");

        return new QuartzPeerSettings(
            Read(QuartzVariable),
            Read(JobsVariable),
            Read(SimulatorVariable),
            Read(ImageRootVariable),
            Read(PublicBaseVariable),
            int.Parse(Read(ConcurrencyVariable), CultureInfo.InvariantCulture),
            Read(InstanceVariable),
            [.. Read(AccountsVariable).Split(',').Select(pair => pair.Split('='))
                .Select(parts => new PeerAccount(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)))]);
    }
}
