namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>What admins may see of an organisation's own Ideogram key: never the key, only its last four characters.</summary>
[GenerateSerializer, Immutable, Alias("orgkey.organisation-key-info")]
public sealed record OrganisationKeyInfo
{
    [Id(0)] public required string OrganizationId { get; init; }

    /// <summary>The capacity grain and usage label of the key its jobs use (<c>service</c> or <c>org:{id}</c>).</summary>
    [Id(1)] public required string KeyIdentity { get; init; }

    [Id(2)] public OrganisationKeyStatus Status { get; init; }

    [Id(3)] public string? LastFour { get; init; }
    [Id(4)] public DateTime? SetAt { get; init; }

    /// <summary>The in-flight images Ideogram allows the organisation's own key.</summary>
    [Id(5)] public int MaxInflightImages { get; init; }

    [Id(6)] public DateTime? RefusedAt { get; init; }
    [Id(7)] public string? RefusedReason { get; init; }
}
