namespace IdeogramJobs.Contracts.Accounts;

/// <summary>What an account used since midnight UTC (the daily quota's day), and its queue now.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-usage-today")]
public sealed record AccountUsageToday
{
    [Id(0)] public int Jobs { get; init; }
    [Id(1)] public int Images { get; init; }
    [Id(2)] public int RateLimitRejections { get; init; }
    [Id(3)] public int InFlight { get; init; }
    [Id(4)] public int Queued { get; init; }
}
