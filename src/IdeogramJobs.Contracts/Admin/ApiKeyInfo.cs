namespace IdeogramJobs.Contracts.Admin;

/// <summary>A key as listed: never the key itself.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.api-key-info")]
public sealed record ApiKeyInfo
{
    [Id(0)] public required long KeyId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Prefix { get; init; }
    [Id(3)] public required ApiKeyRole Role { get; init; }
    [Id(4)] public DateTime CreatedAt { get; init; }
    [Id(5)] public DateTime? LastUsedAt { get; init; }
    [Id(6)] public DateTime? RevokedAt { get; init; }
}
