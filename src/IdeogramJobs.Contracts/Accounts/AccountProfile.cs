namespace IdeogramJobs.Contracts.Accounts;

/// <summary>
/// An account as its own keys see it: the limits that apply (its overrides filled in with the service
/// defaults), which of them are its own, and its usage today.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-profile")]
public sealed record AccountProfile
{
    [Id(0)] public required string AccountId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public bool IsActive { get; init; }

    /// <summary>Every limit that applies, none null.</summary>
    [Id(3)] public required AccountLimits Limits { get; init; }

    /// <summary>The account's own overrides; null members follow the service defaults.</summary>
    [Id(4)] public required AccountLimits Overrides { get; init; }

    [Id(5)] public required AccountUsageToday UsageToday { get; init; }
}
