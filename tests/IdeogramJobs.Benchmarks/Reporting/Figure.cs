namespace IdeogramJobs.Benchmarks.Reporting;

/// <summary>
/// One measured value of a scenario, with its unit, how many decimals it is printed with and, where
/// the engine promises something, the target printed beside it.
/// </summary>
public sealed record Figure(string Name, double Value, string Unit, int Decimals = 1, string? Target = null);
