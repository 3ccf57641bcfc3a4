namespace IdeogramJobs.Contracts.Queries;

/// <summary>Filters for an account's generated images (newest first); created in [From, To).</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.image-query")]
public sealed record ImageQuery
{
    [Id(0)] public string? JobTypeName { get; init; }
    [Id(1)] public long? JobId { get; init; }
    [Id(2)] public ImageStatus? Status { get; init; }
    [Id(3)] public DateTime? From { get; init; }
    [Id(4)] public DateTime? To { get; init; }
    [Id(5)] public int Offset { get; init; }
    [Id(6)] public int Limit { get; init; } = 50;
}
