using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.OrganisationKeys;

/// <summary><see cref="IOrganisationKeyStore"/> on ideogram_organization_keys and ideogram_job_keys.</summary>
public sealed class MySqlOrganisationKeyStore(C360ReqDatabase database) : IOrganisationKeyStore
{
    public async Task<bool> OrganisationExistsAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("SELECT 1 FROM ssnews_organizations WHERE organization_id = @org", connection);
        select.Parameters.AddWithValue("org", organizationId);
        return await select.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<StoredOrganisationKey?> GetAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand(
            "SELECT organization_id, encrypted_key, last_four, set_at, max_inflight_images, refused_at, refused_reason FROM ideogram_organization_keys WHERE organization_id = @org",
            connection);
        select.Parameters.AddWithValue("org", organizationId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task SetKeyAsync(string organizationId, string encryptedKey, string lastFour, DateTime setAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var upsert = new MySqlCommand("""
            INSERT INTO ideogram_organization_keys (organization_id, encrypted_key, last_four, set_at, updated_at)
            VALUES (@org, @key, @lastFour, @setAt, @setAt)
            ON DUPLICATE KEY UPDATE encrypted_key = VALUES(encrypted_key), last_four = VALUES(last_four), set_at = VALUES(set_at),
                refused_at = NULL, refused_reason = NULL, updated_at = VALUES(updated_at)
            """, connection);
        upsert.Parameters.AddWithValue("org", organizationId);
        upsert.Parameters.AddWithValue("key", encryptedKey);
        upsert.Parameters.AddWithValue("lastFour", lastFour);
        upsert.Parameters.AddWithValue("setAt", setAt);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveKeyAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ideogram_organization_keys
            SET encrypted_key = NULL, last_four = NULL, set_at = NULL, refused_at = NULL, refused_reason = NULL, updated_at = UTC_TIMESTAMP(3)
            WHERE organization_id = @org AND encrypted_key IS NOT NULL
            """, connection);
        update.Parameters.AddWithValue("org", organizationId);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task SetLimitAsync(string organizationId, int maxInflightImages, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var upsert = new MySqlCommand("""
            INSERT INTO ideogram_organization_keys (organization_id, max_inflight_images) VALUES (@org, @limit)
            ON DUPLICATE KEY UPDATE max_inflight_images = VALUES(max_inflight_images), updated_at = UTC_TIMESTAMP(3)
            """, connection);
        upsert.Parameters.AddWithValue("org", organizationId);
        upsert.Parameters.AddWithValue("limit", maxInflightImages);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> MarkRefusedAsync(string organizationId, DateTime keySetAt, string reason, DateTime refusedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ideogram_organization_keys SET refused_at = COALESCE(refused_at, @at), refused_reason = COALESCE(refused_reason, @reason)
            WHERE organization_id = @org AND encrypted_key IS NOT NULL AND set_at = @setAt
            """, connection);
        update.Parameters.AddWithValue("org", organizationId);
        update.Parameters.AddWithValue("setAt", keySetAt);
        update.Parameters.AddWithValue("reason", reason.Length > 500 ? reason[..500] : reason);
        update.Parameters.AddWithValue("at", refusedAt);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<string> PinJobAsync(long jobId, CancellationToken cancellationToken)
    {
        // One round trip: the pin, then what it is (this call's or an earlier one's).
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var pin = new MySqlCommand("""
            INSERT IGNORE INTO ideogram_job_keys (job_id, key_identity)
            SELECT j.job_id, CASE WHEN k.encrypted_key IS NOT NULL THEN CONCAT(@orgPrefix, j.organization_id) ELSE @service END
            FROM ssnews_jobs j LEFT JOIN ideogram_organization_keys k ON k.organization_id = j.organization_id
            WHERE j.job_id = @job;
            SELECT key_identity FROM ideogram_job_keys WHERE job_id = @job;
            """, connection);
        pin.Parameters.AddWithValue("job", jobId);
        pin.Parameters.AddWithValue("orgPrefix", ProviderKeyIdentity.ForOrganisation(string.Empty));
        pin.Parameters.AddWithValue("service", ProviderKeyIdentity.Service);
        return await pin.FirstSelectedValueAsync(cancellationToken) as string ?? ProviderKeyIdentity.Service;
    }

    public async Task<IReadOnlyList<(string OrganizationId, string EncryptedKey)>> ListEncryptedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand(
            "SELECT organization_id, encrypted_key FROM ideogram_organization_keys WHERE encrypted_key IS NOT NULL ORDER BY organization_id", connection);
        var keys = new List<(string, string)>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    public async Task<bool> ReplaceEncryptedAsync(string organizationId, string previous, string reEncrypted, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand(
            "UPDATE ideogram_organization_keys SET encrypted_key = @new WHERE organization_id = @org AND encrypted_key = @old", connection);
        update.Parameters.AddWithValue("org", organizationId);
        update.Parameters.AddWithValue("old", previous);
        update.Parameters.AddWithValue("new", reEncrypted);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static StoredOrganisationKey Read(MySqlDataReader reader) => new(
        reader.GetString("organization_id"),
        reader.GetNullableString("encrypted_key"),
        reader.GetNullableString("last_four"),
        reader.GetNullableUtcDateTime("set_at"),
        reader.GetInt32("max_inflight_images"),
        reader.GetNullableUtcDateTime("refused_at"),
        reader.GetNullableString("refused_reason"));
}
