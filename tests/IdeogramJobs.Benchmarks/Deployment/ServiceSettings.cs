namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>The environment a scenario gives the simulator and the silos, on top of the deployment's own.</summary>
public sealed record ServiceSettings(
    double SimulatorLatencyScale,
    int SimulatorInflightLimit,
    int IdeogramMaxInflightImages,
    int MaxConcurrentJobs,
    int SimulatorImageScale = 1)
{
    /// <summary>How many silo processes form the cluster.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>
    /// Each silo and the API on a host of its own (a network namespace with its own address on a
    /// private bridge; needs root, see <see cref="HostNetwork"/>), all on the same ports, instead of
    /// ports of loopback.
    /// </summary>
    public bool HostPerProcess { get; init; }

    /// <summary>More variables for every silo (a null value removes one of the deployment's).</summary>
    public IReadOnlyDictionary<string, string?> SiloEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>More variables for the API (a null value removes one of the deployment's).</summary>
    public IReadOnlyDictionary<string, string?> ApiEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The MariaDB server the system's database is created on; null for the tests' shared one.</summary>
    public string? DatabaseServerUrl { get; init; }

    /// <summary>More variables for the simulator, such as injected failure rates.</summary>
    public IReadOnlyDictionary<string, string?> SimulatorEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// What the engine itself carries (scenario 2, and 7 on Sirv): the simulator answers at once with small
    /// PNGs, and <paramref name="concurrency"/> bounds the provider's, the cluster's and each account's jobs alike.
    /// </summary>
    public static ServiceSettings InstantProvider(int concurrency) => new(
        SimulatorLatencyScale: 0,
        SimulatorInflightLimit: concurrency,
        IdeogramMaxInflightImages: concurrency,
        MaxConcurrentJobs: concurrency,
        SimulatorImageScale: 8);

    /// <summary>The note a scenario on <see cref="InstantProvider"/> prints about its shape.</summary>
    public static string InstantProviderNote(int accounts, int jobsPerAccount, int concurrency) =>
        $"simulator latency 0, 1-image blog_header jobs, {accounts} accounts x {jobsPerAccount} jobs; concurrency {concurrency} (IDEOGRAM_MAX_INFLIGHT_IMAGES, SIMULATOR_INFLIGHT_LIMIT and MAX_CONCURRENT_JOBS); simulator PNGs at 1/8 pixel size";
}
