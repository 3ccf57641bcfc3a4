using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Queries;

/// <summary>A generated image with what produced it.</summary>
public sealed record ImageRecord
{
    public required long ImageId { get; init; }
    public required long JobId { get; init; }
    public int Index { get; init; }
    public required string Url { get; init; }
    public required ImageStatus Status { get; init; }
    public string? JobTypeName { get; init; }
    public string? Prompt { get; init; }
    public long? Seed { get; init; }
    public string? Resolution { get; init; }
    public string? StyleType { get; init; }
    public JobSettings? FinalSettings { get; init; }
    public string? StoragePath { get; init; }
    public string? ContentType { get; init; }
    public DateTime CreatedAt { get; init; }
}
