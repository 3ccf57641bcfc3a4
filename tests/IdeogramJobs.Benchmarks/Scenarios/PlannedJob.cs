namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>One job a scenario will submit: which of its accounts, how many images, at which rendering speed.</summary>
public sealed record PlannedJob(int Account, int Images, string Speed);
