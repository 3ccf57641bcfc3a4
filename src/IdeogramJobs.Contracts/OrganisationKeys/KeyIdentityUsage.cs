namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>The usage of one Ideogram key (<c>service</c> or <c>org:{id}</c>) and how many organisations' jobs used it.</summary>
[GenerateSerializer, Immutable, Alias("orgkey.key-identity-usage")]
public sealed record KeyIdentityUsage
{
    [Id(0)] public required string KeyIdentity { get; init; }
    [Id(1)] public int Organisations { get; init; }
    [Id(2)] public required KeyUsageFigures Totals { get; init; }
}
