namespace IdeogramJobs.Contracts.Costs;

/// <summary>
/// A job's money in USD: what it was estimated at when accepted, what its delivered images cost once it
/// completed, and every generation Ideogram answered for it, including ones whose images were then
/// lost, so <see cref="BilledUsd"/> may exceed <see cref="CostUsd"/>. Null where not known (yet).
/// </summary>
[GenerateSerializer, Immutable, Alias("budget.job-cost")]
public sealed record JobCost
{
    [Id(0)] public string Currency { get; init; } = CostEstimate.Usd;
    [Id(1)] public decimal? EstimateUsd { get; init; }
    [Id(2)] public decimal? CostUsd { get; init; }
    [Id(3)] public decimal? BilledUsd { get; init; }
}
