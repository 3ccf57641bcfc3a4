namespace IdeogramJobs.Benchmarks.Reporting;

/// <summary>One measured value of a scenario, with its unit and how many decimals it is printed with.</summary>
public sealed record Figure(string Name, double Value, string Unit, int Decimals = 1);
