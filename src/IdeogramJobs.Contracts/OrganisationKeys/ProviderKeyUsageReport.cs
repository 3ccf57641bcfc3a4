namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>
/// Usage over [From, To) per organisation and per Ideogram key identity, by the key each job was pinned to (a job
/// that never asked for capacity counts under <c>service</c>). Ordered by jobs, most first.
/// </summary>
[GenerateSerializer, Immutable, Alias("orgkey.provider-key-usage-report")]
public sealed record ProviderKeyUsageReport
{
    [Id(0)] public required DateTime From { get; init; }
    [Id(1)] public required DateTime To { get; init; }
    [Id(2)] public string? OrganizationId { get; init; }
    [Id(3)] public IReadOnlyList<OrganisationUsage> Organisations { get; init; } = [];
    [Id(4)] public IReadOnlyList<KeyIdentityUsage> KeyIdentities { get; init; } = [];
}
