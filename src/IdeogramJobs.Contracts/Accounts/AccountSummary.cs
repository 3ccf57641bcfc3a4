namespace IdeogramJobs.Contracts.Accounts;

/// <summary>An account as admins see it.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-summary")]
public sealed record AccountSummary
{
    [Id(0)] public required string AccountId { get; init; }
    [Id(1)] public required string OrganizationId { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public string? Slug { get; init; }
    [Id(4)] public bool IsActive { get; init; }
    [Id(5)] public AccountLimits Limits { get; init; } = new();
    [Id(6)] public DateTime? CreatedAt { get; init; }
}
