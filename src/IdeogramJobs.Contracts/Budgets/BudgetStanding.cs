namespace IdeogramJobs.Contracts.Budgets;

/// <summary>
/// Where an account stands in a month (UTC, "yyyy-MM"): its budget, what Ideogram billed for its jobs
/// this month, and what its accepted jobs that have not ended yet are expected to cost (reserved).
/// </summary>
[GenerateSerializer, Immutable, Alias("budget.standing")]
public sealed record BudgetStanding
{
    [Id(0)] public required string Month { get; init; }
    [Id(1)] public required AccountBudget Budget { get; init; }
    [Id(2)] public decimal SpentUsd { get; init; }
    [Id(3)] public decimal ReservedUsd { get; init; }
}
