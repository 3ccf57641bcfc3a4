namespace IdeogramJobs.Contracts.Budgets;

/// <summary>Why admission refused a job: spent + reserved + the job's cost would exceed the month's budget.</summary>
[GenerateSerializer, Immutable, Alias("budget.refusal")]
public sealed record BudgetRefusal
{
    [Id(0)] public required string Month { get; init; }
    [Id(1)] public required decimal BudgetUsd { get; init; }
    [Id(2)] public required decimal SpentUsd { get; init; }
    [Id(3)] public required decimal ReservedUsd { get; init; }
    [Id(4)] public required decimal JobCostUsd { get; init; }
}
