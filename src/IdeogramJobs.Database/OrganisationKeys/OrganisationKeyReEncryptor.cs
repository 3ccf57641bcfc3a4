using IdeogramJobs.Database.Secrets;

namespace IdeogramJobs.Database.OrganisationKeys;

/// <summary>Re-encrypts organisations' Ideogram keys under the current master key.</summary>
public sealed class OrganisationKeyReEncryptor(IOrganisationKeyStore store, SecretProtector protector) : ISecretReEncryptor
{
    public string Kind => "organisation Ideogram keys";

    public async Task<int> ReEncryptAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var (organizationId, encrypted) in await store.ListEncryptedAsync(cancellationToken))
        {
            if (!protector.NeedsRotation(encrypted))
            {
                continue;
            }

            var purpose = StoredOrganisationKey.Purpose(organizationId);
            var reEncrypted = protector.Protect(protector.Unprotect(encrypted, purpose), purpose);
            if (await store.ReplaceEncryptedAsync(organizationId, encrypted, reEncrypted, cancellationToken))
            {
                changed++;
            }
        }

        return changed;
    }
}
