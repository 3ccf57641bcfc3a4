using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.OrganisationKeys;
using IdeogramJobs.Database.OrganisationKeys;
using IdeogramJobs.Database.Secrets;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.OrganisationKeys;

/// <summary>
/// Writes an organisation's own Ideogram key through to the table, encrypted, and tells the key's capacity grain
/// when its limit changed. Holds nothing: every read is the table's.
/// </summary>
public sealed class OrganisationKeyGrain(
    IOrganisationKeyStore store,
    SecretProtector protector,
    TimeProvider time,
    ILogger<OrganisationKeyGrain> logger) : Grain, IOrganisationKeyGrain
{
    private string OrganizationId => this.GetPrimaryKeyString();

    private string Identity => ProviderKeyIdentity.ForOrganisation(OrganizationId);

    public async Task<OrganisationKeyInfo?> GetAsync()
    {
        if (!await store.OrganisationExistsAsync(OrganizationId, CancellationToken.None))
        {
            return null;
        }

        return Describe(await store.GetAsync(OrganizationId, CancellationToken.None));
    }

    public async Task<OrganisationKeyWriteResult> SetKeyAsync(string apiKey)
    {
        if (!protector.CanEncrypt)
        {
            return new OrganisationKeyWriteResult
            {
                Outcome = OrganisationKeyWriteOutcome.EncryptionUnavailable,
                Message = $"{SecretEncryptionOptions.KeysVariable} is not set on the silos, so an organisation's key cannot be stored encrypted; an operator must set it (see the README).",
            };
        }

        if (!await store.OrganisationExistsAsync(OrganizationId, CancellationToken.None))
        {
            return new OrganisationKeyWriteResult { Outcome = OrganisationKeyWriteOutcome.NoSuchOrganisation };
        }

        var encrypted = protector.Protect(apiKey, StoredOrganisationKey.Purpose(OrganizationId));
        await store.SetKeyAsync(OrganizationId, encrypted, apiKey[^4..], time.GetUtcNow().UtcDateTime, CancellationToken.None);
        logger.LogInformation("Organisation {OrganizationId} set its own Ideogram key", OrganizationId);
        return new OrganisationKeyWriteResult { Outcome = OrganisationKeyWriteOutcome.Done, Key = await GetAsync() };
    }

    public async Task<bool> RemoveKeyAsync()
    {
        var removed = await store.RemoveKeyAsync(OrganizationId, CancellationToken.None);
        if (removed)
        {
            logger.LogInformation("Organisation {OrganizationId} removed its own Ideogram key; new jobs use the service key", OrganizationId);
        }

        return removed;
    }

    public async Task<OrganisationKeyWriteResult> SetLimitAsync(int maxInflightImages)
    {
        if (!await store.OrganisationExistsAsync(OrganizationId, CancellationToken.None))
        {
            return new OrganisationKeyWriteResult { Outcome = OrganisationKeyWriteOutcome.NoSuchOrganisation };
        }

        await store.SetLimitAsync(OrganizationId, maxInflightImages, CancellationToken.None);
        await GrainFactory.GetGrain<IIdeogramCapacityGrain>(Identity).LimitChangedAsync();
        return new OrganisationKeyWriteResult { Outcome = OrganisationKeyWriteOutcome.Done, Key = await GetAsync() };
    }

    private OrganisationKeyInfo Describe(StoredOrganisationKey? stored) => new()
    {
        OrganizationId = OrganizationId,
        KeyIdentity = stored?.EncryptedKey is null ? ProviderKeyIdentity.Service : Identity,
        Status = stored?.EncryptedKey is null ? OrganisationKeyStatus.None
            : stored.RefusedAt is null ? OrganisationKeyStatus.Active : OrganisationKeyStatus.RefusedByIdeogram,
        LastFour = stored?.LastFour,
        SetAt = stored?.SetAt,
        MaxInflightImages = StoredOrganisationKey.LimitOf(stored),
        RefusedAt = stored?.RefusedAt,
        RefusedReason = stored?.RefusedReason,
    };
}
