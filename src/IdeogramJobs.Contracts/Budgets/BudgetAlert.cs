namespace IdeogramJobs.Contracts.Budgets;

/// <summary>
/// An account's committed spend for a month (billed plus reserved, with the job that crossed) reached
/// the budget's soft threshold. Raised once per account, month and threshold.
/// </summary>
[GenerateSerializer, Immutable, Alias("budget.alert")]
public sealed record BudgetAlert
{
    [Id(0)] public required string AccountId { get; init; }
    [Id(1)] public required string Month { get; init; }
    [Id(2)] public required int ThresholdPercent { get; init; }
    [Id(3)] public required decimal BudgetUsd { get; init; }
    [Id(4)] public required decimal CommittedUsd { get; init; }
    [Id(5)] public long? JobId { get; init; }
    [Id(6)] public DateTime At { get; init; }
}
