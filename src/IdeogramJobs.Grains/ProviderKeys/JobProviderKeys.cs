using System.Globalization;
using System.Net;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Database.OrganisationKeys;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Ideogram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.ProviderKeys;

/// <summary>
/// Which Ideogram key a job uses: its organisation's own key when it has one, else the service key, pinned to the
/// job the first time it asks for capacity so every attempt uses the same key and capacity grain. Reads the
/// organisation's key for each attempt (decrypted only here, never logged), and marks it refused when Ideogram
/// refuses it, so that organisation's jobs fail with the reason and nobody else's are touched.
/// </summary>
public sealed class JobProviderKeys(
    IOrganisationKeyStore store,
    SecretProtector protector,
    IOptions<JobEngineOptions> options,
    TimeProvider time,
    ILogger<JobProviderKeys> logger)
{
    /// <summary>
    /// Pins the job's key (once: <paramref name="pinned"/> is the identity its row already holds, if any) and says
    /// its limit and whether it can be used.
    /// </summary>
    public async Task<ProviderKeyChoice> ChooseAsync(long jobId, string? pinned, CancellationToken cancellationToken)
    {
        var identity = pinned ?? await store.PinJobAsync(jobId, cancellationToken);
        if (ProviderKeyIdentity.OrganisationOf(identity) is not { } organizationId)
        {
            return new ProviderKeyChoice(identity, options.Value.IdeogramMaxInflightImages, "IDEOGRAM_MAX_INFLIGHT_IMAGES", null);
        }

        var stored = await store.GetAsync(organizationId, cancellationToken);
        return new ProviderKeyChoice(
            identity, StoredOrganisationKey.LimitOf(stored), "the organisation key's maxInflightImages", Unusable(stored));
    }

    /// <summary>The in-flight limit of the key with this identity, for its capacity grain.</summary>
    public async Task<int> LimitAsync(string identity, CancellationToken cancellationToken) =>
        ProviderKeyIdentity.OrganisationOf(identity) is { } organizationId
            ? StoredOrganisationKey.LimitOf(await store.GetAsync(organizationId, cancellationToken))
            : options.Value.IdeogramMaxInflightImages;

    /// <summary>The key an attempt sends, read afresh (a replaced key is used at once, a refused one not at all).</summary>
    public async Task<ProviderKeyForAttempt> ForAttemptAsync(string identity, CancellationToken cancellationToken)
    {
        if (ProviderKeyIdentity.OrganisationOf(identity) is not { } organizationId)
        {
            return new ProviderKeyForAttempt(identity, null, null, null, null);
        }

        var stored = await store.GetAsync(organizationId, cancellationToken);
        if (Unusable(stored) is { } reason)
        {
            return new ProviderKeyForAttempt(identity, null, stored?.LastFour, stored?.SetAt, reason);
        }

        try
        {
            var key = protector.Unprotect(stored!.EncryptedKey!, StoredOrganisationKey.Purpose(organizationId));
            return new ProviderKeyForAttempt(identity, new IdeogramApiKey(key), stored.LastFour, stored.SetAt, null);
        }
        catch (SecretUnavailableException e)
        {
            // The message names the variable and the key id, never a value.
            logger.LogError("The Ideogram key of organisation {OrganizationId} cannot be read: {Reason}", organizationId, e.Message);
            return new ProviderKeyForAttempt(identity, null, stored!.LastFour, stored.SetAt,
                $"The organisation's own Ideogram key cannot be read: {e.Message} An operator must fix {SecretEncryptionOptions.KeysVariable}, or an admin set the key again.");
        }
    }

    /// <summary>Ideogram refused the organisation's key: marks it refused (until replaced) and returns the reason its jobs fail with.</summary>
    public async Task<string> RefusedAsync(ProviderKeyForAttempt key, HttpStatusCode? status, CancellationToken cancellationToken)
    {
        var organizationId = ProviderKeyIdentity.OrganisationOf(key.Identity)!;
        var now = time.GetUtcNow().UtcDateTime;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Ideogram refused the organisation's own Ideogram key (ending {key.LastFour}) with {(int?)status} {status} at {now:yyyy-MM-dd HH:mm:ss} UTC; the organisation's jobs fail until an admin replaces the key.");
        if (key.SetAt is { } setAt && await store.MarkRefusedAsync(organizationId, setAt, reason, now, cancellationToken))
        {
            logger.LogWarning("Ideogram refused the key of organisation {OrganizationId} ({Status}); its jobs fail until the key is replaced", organizationId, status);
        }

        return reason;
    }

    private static string? Unusable(StoredOrganisationKey? stored) =>
        stored?.EncryptedKey is null
            ? "The organisation's own Ideogram key was removed after this job was given it; a job keeps one key for all its attempts, so run it again to use the service key."
            : stored.RefusedAt is not null ? stored.RefusedReason : null;
}
