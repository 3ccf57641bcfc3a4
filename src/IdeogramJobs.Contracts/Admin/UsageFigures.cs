namespace IdeogramJobs.Contracts.Admin;

/// <summary>
/// Usage over a period: jobs by status and by job type, images, success rate (completed of
/// finished), generation time percentiles (started → completed of completed jobs), retries and
/// rate-limit refusals by limit; and dollars: what Ideogram billed for the jobs (failed attempts'
/// generations included) and what their delivered images cost, in USD.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.usage-figures")]
public sealed record UsageFigures
{
    [Id(0)] public int Jobs { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, int> JobsByStatus { get; init; } = new Dictionary<string, int>();
    [Id(2)] public IReadOnlyDictionary<string, int> JobsByType { get; init; } = new Dictionary<string, int>();
    [Id(3)] public int Images { get; init; }
    [Id(4)] public double? SuccessRate { get; init; }
    [Id(5)] public double? GenerationSecondsP50 { get; init; }
    [Id(6)] public double? GenerationSecondsP95 { get; init; }
    [Id(7)] public int Retries { get; init; }
    [Id(8)] public int RateLimitRejections { get; init; }
    [Id(9)] public IReadOnlyDictionary<string, int> RejectionsByLimit { get; init; } = new Dictionary<string, int>();
    [Id(10)] public decimal BilledUsd { get; init; }
    [Id(11)] public decimal CostUsd { get; init; }
    [Id(12)] public IReadOnlyDictionary<string, decimal> BilledUsdByType { get; init; } = new Dictionary<string, decimal>();
}
