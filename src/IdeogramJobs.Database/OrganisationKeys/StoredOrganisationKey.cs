namespace IdeogramJobs.Database.OrganisationKeys;

/// <summary>An organisation's row of ideogram_organization_keys; <see cref="EncryptedKey"/> is null when it has no key of its own.</summary>
public sealed record StoredOrganisationKey(
    string OrganizationId,
    string? EncryptedKey,
    string? LastFour,
    DateTime? SetAt,
    int MaxInflightImages,
    DateTime? RefusedAt,
    string? RefusedReason)
{
    /// <summary>Ideogram's default in-flight limit per organisation, until an admin sets another.</summary>
    public const int DefaultMaxInflightImages = 10;

    /// <summary>The in-flight limit of an organisation's key: the one set for it, else the default (also with no row yet).</summary>
    public static int LimitOf(StoredOrganisationKey? stored) => stored?.MaxInflightImages ?? DefaultMaxInflightImages;

    /// <summary>The purpose the key is encrypted under, so a value copied to another organisation's row does not decrypt.</summary>
    public static string Purpose(string organizationId) => $"organisation-ideogram-key:{organizationId}";

    public override string ToString() =>
        $"StoredOrganisationKey {{ OrganizationId = {OrganizationId}, LastFour = {LastFour}, SetAt = {SetAt:O}, MaxInflightImages = {MaxInflightImages}, RefusedAt = {RefusedAt:O} }}";
}
