namespace IdeogramJobs.Contracts.Budgets;

/// <summary>
/// An account's monthly budget in USD (null: none) and the share of it, in percent, whose crossing
/// raises an alert once per calendar month (UTC).
/// </summary>
[GenerateSerializer, Immutable, Alias("budget.account-budget")]
public sealed record AccountBudget
{
    public const int DefaultThresholdPercent = 80;

    [Id(0)] public decimal? MonthlyBudgetUsd { get; init; }
    [Id(1)] public int ThresholdPercent { get; init; } = DefaultThresholdPercent;

    /// <summary>Whether spending <paramref name="usd"/> this month reaches the threshold (never, without a budget).</summary>
    public bool ThresholdReachedBy(decimal usd) => MonthlyBudgetUsd is { } budget && usd >= budget * ThresholdPercent / 100m;
}
