namespace IdeogramJobs.Database.Queries;

/// <summary>Filters for an account's generated images (newest first); created in [From, To).</summary>
public sealed record ImageQuery
{
    public string? JobTypeName { get; init; }
    public long? JobId { get; init; }
    public ImageStatus? Status { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}
