namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>The environment a scenario gives the simulator and the silo, on top of the deployment's own.</summary>
public sealed record ServiceSettings(
    double SimulatorLatencyScale,
    int SimulatorInflightLimit,
    int IdeogramMaxInflightImages,
    int MaxConcurrentJobs,
    int SimulatorImageScale = 1);
