namespace IdeogramJobs.Contracts.Accounts;

/// <summary>An account's own admission limits; a null member means "the service default".</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-limits")]
public sealed record AccountLimits
{
    [Id(0)] public int? JobsPerMinute { get; init; }
    [Id(1)] public int? JobsPerDay { get; init; }
    [Id(2)] public int? ImagesPerMinute { get; init; }
    [Id(3)] public int? ImagesPerDay { get; init; }
    [Id(4)] public int? DailyImageQuota { get; init; }
    [Id(5)] public int? MaxConcurrentJobs { get; init; }
}
