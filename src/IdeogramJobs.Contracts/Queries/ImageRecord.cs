using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Queries;

/// <summary>A generated image with what produced it.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.image-record")]
public sealed record ImageRecord
{
    [Id(0)] public required long ImageId { get; init; }
    [Id(1)] public required long JobId { get; init; }
    [Id(2)] public int Index { get; init; }
    [Id(3)] public required string Url { get; init; }
    [Id(4)] public required ImageStatus Status { get; init; }
    [Id(5)] public string? JobTypeName { get; init; }
    [Id(6)] public string? Prompt { get; init; }
    [Id(7)] public long? Seed { get; init; }
    [Id(8)] public string? Resolution { get; init; }
    [Id(9)] public string? StyleType { get; init; }
    [Id(10)] public JobSettings? FinalSettings { get; init; }
    [Id(11)] public string? StoragePath { get; init; }
    [Id(12)] public string? ContentType { get; init; }
    [Id(13)] public DateTime CreatedAt { get; init; }
}
