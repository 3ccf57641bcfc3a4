namespace IdeogramJobs.Contracts.Admin;

/// <summary>Totals over the whole period plus one row per day or hour (periods with no activity left out).</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.usage-report")]
public sealed record UsageReport
{
    [Id(0)] public required UsageQuery Query { get; init; }
    [Id(1)] public required UsageFigures Totals { get; init; }
    [Id(2)] public IReadOnlyList<UsagePeriod> Periods { get; init; } = [];
}
