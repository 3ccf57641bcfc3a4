namespace IdeogramJobs.Contracts.Retention;

/// <summary>What a retention run deleted, or (a dry run) what it would delete now, per account.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.retention-report")]
public sealed record RetentionReport
{
    [Id(0)] public required bool DryRun { get; init; }
    [Id(1)] public required DateTime At { get; init; }
    [Id(2)] public required IReadOnlyList<AccountRetentionReport> Accounts { get; init; }
}
