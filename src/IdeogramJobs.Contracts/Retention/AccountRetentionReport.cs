namespace IdeogramJobs.Contracts.Retention;

/// <summary>One account's part of a retention run or dry run.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-retention-report")]
public sealed record AccountRetentionReport
{
    [Id(0)] public required string AccountId { get; init; }
    [Id(1)] public required RetentionPolicy Policy { get; init; }
    [Id(2)] public required IReadOnlyList<RetentionCount> Counts { get; init; }
}
