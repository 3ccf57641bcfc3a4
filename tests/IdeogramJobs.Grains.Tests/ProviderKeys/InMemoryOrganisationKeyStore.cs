using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Database.OrganisationKeys;

namespace IdeogramJobs.Grains.Tests.ProviderKeys;

/// <summary>
/// <see cref="IOrganisationKeyStore"/> in memory, for unit tests of the key choice: rows per organisation, each job's
/// organisation, and pins made the first time a job asks, as the MariaDB store does.
/// </summary>
public sealed class InMemoryOrganisationKeyStore : IOrganisationKeyStore
{
    private readonly Dictionary<string, StoredOrganisationKey> rows = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> jobOrganisations = [];
    private readonly Dictionary<long, string> pins = [];

    public void Put(StoredOrganisationKey row) => rows[row.OrganizationId] = row;

    public void JobOf(long jobId, string organizationId) => jobOrganisations[jobId] = organizationId;

    public Task<bool> OrganisationExistsAsync(string organizationId, CancellationToken cancellationToken) =>
        Task.FromResult(rows.ContainsKey(organizationId) || jobOrganisations.ContainsValue(organizationId));

    public Task<StoredOrganisationKey?> GetAsync(string organizationId, CancellationToken cancellationToken) =>
        Task.FromResult(rows.GetValueOrDefault(organizationId));

    public Task SetKeyAsync(string organizationId, string encryptedKey, string lastFour, DateTime setAt, CancellationToken cancellationToken)
    {
        var limit = rows.GetValueOrDefault(organizationId)?.MaxInflightImages ?? StoredOrganisationKey.DefaultMaxInflightImages;
        rows[organizationId] = new StoredOrganisationKey(organizationId, encryptedKey, lastFour, setAt, limit, null, null);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveKeyAsync(string organizationId, CancellationToken cancellationToken)
    {
        if (rows.GetValueOrDefault(organizationId) is not { EncryptedKey: not null } row)
        {
            return Task.FromResult(false);
        }

        rows[organizationId] = row with { EncryptedKey = null, LastFour = null, SetAt = null, RefusedAt = null, RefusedReason = null };
        return Task.FromResult(true);
    }

    public Task SetLimitAsync(string organizationId, int maxInflightImages, CancellationToken cancellationToken)
    {
        rows[organizationId] = (rows.GetValueOrDefault(organizationId) ?? new StoredOrganisationKey(organizationId, null, null, null, 0, null, null))
            with
        { MaxInflightImages = maxInflightImages };
        return Task.CompletedTask;
    }

    public Task<bool> MarkRefusedAsync(string organizationId, DateTime keySetAt, string reason, DateTime refusedAt, CancellationToken cancellationToken)
    {
        if (rows.GetValueOrDefault(organizationId) is not { } row || row.SetAt != keySetAt)
        {
            return Task.FromResult(false);
        }

        rows[organizationId] = row with { RefusedAt = refusedAt, RefusedReason = reason };
        return Task.FromResult(true);
    }

    public Task<string> PinJobAsync(long jobId, CancellationToken cancellationToken)
    {
        if (!pins.TryGetValue(jobId, out var identity))
        {
            var organizationId = jobOrganisations.GetValueOrDefault(jobId);
            identity = organizationId is not null && rows.GetValueOrDefault(organizationId)?.EncryptedKey is not null
                ? ProviderKeyIdentity.ForOrganisation(organizationId)
                : ProviderKeyIdentity.Service;
            pins[jobId] = identity;
        }

        return Task.FromResult(identity);
    }

    public Task<IReadOnlyList<(string OrganizationId, string EncryptedKey)>> ListEncryptedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([.. rows.Values.Where(row => row.EncryptedKey is not null).Select(row => (row.OrganizationId, row.EncryptedKey!))]);

    public Task<bool> ReplaceEncryptedAsync(string organizationId, string previous, string reEncrypted, CancellationToken cancellationToken)
    {
        if (rows.GetValueOrDefault(organizationId) is not { } row || row.EncryptedKey != previous)
        {
            return Task.FromResult(false);
        }

        rows[organizationId] = row with { EncryptedKey = reEncrypted };
        return Task.FromResult(true);
    }
}
