namespace IdeogramJobs.Contracts.Retention;

/// <summary>How many rows of a kind a run deletes (or deleted), and when the oldest of them was written.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.retention-count")]
public sealed record RetentionCount
{
    [Id(0)] public required RetentionKind Kind { get; init; }
    [Id(1)] public required long Count { get; init; }
    [Id(2)] public DateTime? Oldest { get; init; }
}
