namespace IdeogramJobs.Contracts.Admin;

/// <summary>Usage of one account (or all when <see cref="AccountId"/> is null) over [From, To), per day or hour.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.usage-query")]
public sealed record UsageQuery
{
    [Id(0)] public string? AccountId { get; init; }
    [Id(1)] public required DateTime From { get; init; }
    [Id(2)] public required DateTime To { get; init; }
    [Id(3)] public UsageGranularity Granularity { get; init; } = UsageGranularity.Day;
}
