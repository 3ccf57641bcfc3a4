namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>One organisation's usage, in all and per key identity its jobs used (its own key, the service key, or both over time).</summary>
[GenerateSerializer, Immutable, Alias("orgkey.organisation-usage")]
public sealed record OrganisationUsage
{
    [Id(0)] public required string OrganizationId { get; init; }
    [Id(1)] public required KeyUsageFigures Totals { get; init; }
    [Id(2)] public IReadOnlyDictionary<string, KeyUsageFigures> ByKeyIdentity { get; init; } = new Dictionary<string, KeyUsageFigures>();
}
