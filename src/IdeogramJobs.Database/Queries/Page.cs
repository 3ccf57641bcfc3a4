namespace IdeogramJobs.Database.Queries;

/// <summary>One page of a list and how many items the whole list has.</summary>
public sealed record Page<T>
{
    public IReadOnlyList<T> Items { get; init; } = [];
    public int Total { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; }
}
