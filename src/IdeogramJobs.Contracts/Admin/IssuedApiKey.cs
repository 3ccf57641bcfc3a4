namespace IdeogramJobs.Contracts.Admin;

/// <summary>A new API key. <see cref="Key"/> is shown this once; only its hash is kept.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.issued-api-key")]
public sealed record IssuedApiKey
{
    [Id(0)] public required long KeyId { get; init; }
    [Id(1)] public required string AccountId { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public required string Key { get; init; }
    [Id(4)] public required string Prefix { get; init; }
    [Id(5)] public required ApiKeyRole Role { get; init; }

    public override string ToString() => $"IssuedApiKey {{ KeyId = {KeyId}, AccountId = {AccountId}, Prefix = {Prefix}, Role = {Role} }}";
}
