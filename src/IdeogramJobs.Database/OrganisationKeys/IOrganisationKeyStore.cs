namespace IdeogramJobs.Database.OrganisationKeys;

/// <summary>Organisations' own Ideogram keys (stored encrypted) and the key each job is pinned to.</summary>
public interface IOrganisationKeyStore
{
    Task<bool> OrganisationExistsAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>The organisation's row, or null when it never had a key or a limit of its own.</summary>
    Task<StoredOrganisationKey?> GetAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>Sets or replaces the encrypted key; a refusal of the previous key is cleared.</summary>
    Task SetKeyAsync(string organizationId, string encryptedKey, string lastFour, DateTime setAt, CancellationToken cancellationToken);

    /// <summary>False when the organisation had no key.</summary>
    Task<bool> RemoveKeyAsync(string organizationId, CancellationToken cancellationToken);

    Task SetLimitAsync(string organizationId, int maxInflightImages, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the key set at <paramref name="keySetAt"/> refused by Ideogram; false when it was replaced or removed
    /// meanwhile (the new key is not blamed).
    /// </summary>
    Task<bool> MarkRefusedAsync(string organizationId, DateTime keySetAt, string reason, DateTime refusedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The key identity the job uses, pinned on the first call (its organisation's own key when it has one, else the
    /// service key) and the same on every later call, so all its attempts use one key.
    /// </summary>
    Task<string> PinJobAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Every stored encrypted key, for re-encryption under a new master key.</summary>
    Task<IReadOnlyList<(string OrganizationId, string EncryptedKey)>> ListEncryptedAsync(CancellationToken cancellationToken);

    /// <summary>Swaps one encrypted value for its re-encryption; false when the key changed meanwhile.</summary>
    Task<bool> ReplaceEncryptedAsync(string organizationId, string previous, string reEncrypted, CancellationToken cancellationToken);
}
