namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>
/// An organisation's own Ideogram key (key: organization_id): set, replace or remove it, and its in-flight
/// limit. The key goes in and never comes out; reads answer <see cref="OrganisationKeyInfo"/>.
/// </summary>
[Alias("orgkey.organisation-key-grain")]
public interface IOrganisationKeyGrain : IGrainWithStringKey
{
    /// <summary>Null when no such organisation exists.</summary>
    [Alias("orgkey.get")]
    Task<OrganisationKeyInfo?> GetAsync();

    /// <summary>Sets or replaces the key (encrypted at rest); a refusal of the previous key is forgotten.</summary>
    [Alias("orgkey.set")]
    Task<OrganisationKeyWriteResult> SetKeyAsync(string apiKey);

    /// <summary>Removes the key: new jobs use the service key. False when there was no key (or no organisation).</summary>
    [Alias("orgkey.remove")]
    Task<bool> RemoveKeyAsync();

    /// <summary>Sets the in-flight images Ideogram allows the organisation's key.</summary>
    [Alias("orgkey.set-limit")]
    Task<OrganisationKeyWriteResult> SetLimitAsync(int maxInflightImages);
}
