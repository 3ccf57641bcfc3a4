namespace IdeogramJobs.Contracts.Costs;

/// <summary>What a job will cost at the configured prices: the price of one image times the images it asks for.</summary>
[GenerateSerializer, Immutable, Alias("budget.cost-estimate")]
public sealed record CostEstimate
{
    public const string Usd = "USD";

    [Id(0)] public string Currency { get; init; } = Usd;
    [Id(1)] public required decimal PerImage { get; init; }
    [Id(2)] public required int Images { get; init; }
    [Id(3)] public required decimal Total { get; init; }
}
