namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>An account created for a benchmark, with a user key and a client that sends it.</summary>
public sealed record BenchAccount(string AccountId, HttpClient Http);
