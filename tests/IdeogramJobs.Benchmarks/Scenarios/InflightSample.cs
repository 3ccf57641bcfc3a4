namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>The simulator's in-flight images at a moment of the run (seconds since the first submission).</summary>
public readonly record struct InflightSample(double AtSeconds, int InflightImages);
