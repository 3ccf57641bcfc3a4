namespace IdeogramJobs.Contracts.Capacity;

/// <summary>
/// Names an Ideogram key without revealing it: <c>service</c> for the service's IDEOGRAM_API_KEY, or
/// <c>org:{organizationId}</c> for an organisation's own key. It keys the key's capacity grain, is pinned
/// to every job, and labels usage; the key itself never leaves the engine.
/// </summary>
public static class ProviderKeyIdentity
{
    public const string Service = "service";

    private const string OrganisationPrefix = "org:";

    public static string ForOrganisation(string organizationId) => OrganisationPrefix + organizationId;

    /// <summary>The organisation whose own key this identity names, or null for the service key.</summary>
    public static string? OrganisationOf(string identity) =>
        identity.StartsWith(OrganisationPrefix, StringComparison.Ordinal) ? identity[OrganisationPrefix.Length..] : null;
}
