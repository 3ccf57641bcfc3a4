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

    /// <summary>More variables for every silo (a null value removes one of the deployment's).</summary>
    public IReadOnlyDictionary<string, string?> SiloEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>More variables for the simulator, such as injected failure rates.</summary>
    public IReadOnlyDictionary<string, string?> SimulatorEnvironment { get; init; } = new Dictionary<string, string?>();
}
