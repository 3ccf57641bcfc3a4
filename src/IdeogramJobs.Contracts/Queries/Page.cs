namespace IdeogramJobs.Contracts.Queries;

/// <summary>One page of a list and how many items the whole list has.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.page`1")]
public sealed record Page<T>
{
    [Id(0)] public IReadOnlyList<T> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
    [Id(2)] public int Offset { get; init; }
    [Id(3)] public int Limit { get; init; }
}
