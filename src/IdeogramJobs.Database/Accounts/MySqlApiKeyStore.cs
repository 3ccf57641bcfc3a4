using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Tenancy;
using MySqlConnector;

namespace IdeogramJobs.Database.Accounts;

/// <summary>
/// <see cref="IApiKeyStore"/> on ssnews_api_keys. A key is stored as its SHA-256 hash and a short
/// display prefix; the key itself leaves this class only inside the <see cref="IssuedApiKey"/>
/// returned once by <see cref="IssueAsync"/>.
/// </summary>
public sealed class MySqlApiKeyStore(C360ReqDatabase database) : IApiKeyStore
{
    private const int NameChars = 100;

    public async Task<ApiKeyIdentity?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT k.key_id, k.account_id, k.role, a.is_active
            FROM ssnews_api_keys k
            JOIN ssnews_accounts a ON a.account_id = k.account_id COLLATE {ServiceCollation.Name}
            WHERE k.key_hash = @hash AND k.revoked_at IS NULL
            """, connection);
        select.Parameters.AddWithValue("hash", keyHash);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ApiKeyIdentity(
            reader.GetInt64("key_id"),
            reader.GetString("account_id"),
            ApiKeyRoleValues.FromDatabase(reader.GetString("role")),
            // The column is nullable with a TRUE default: only an explicit FALSE deactivates.
            reader.GetNullableBoolean("is_active") ?? true);
    }

    public async Task<IssuedApiKey?> IssueAsync(string accountId, string name, ApiKeyRole role, CancellationToken cancellationToken)
    {
        var key = ApiKey.Generate();
        var storedName = ColumnText.Cut(name, NameChars);
        var prefix = ApiKey.DisplayPrefix(key);

        // Inserted only when the account exists, in the one statement.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var insert = new MySqlCommand("""
            INSERT INTO ssnews_api_keys (account_id, name, key_prefix, key_hash, role, created_at)
            SELECT @account, @name, @prefix, @hash, @role, UTC_TIMESTAMP()
            FROM ssnews_accounts a WHERE a.account_id = @account
            """, connection);
        insert.Parameters.AddWithValue("account", accountId);
        insert.Parameters.AddWithValue("name", storedName);
        insert.Parameters.AddWithValue("prefix", prefix);
        insert.Parameters.AddWithValue("hash", ApiKey.Hash(key));
        insert.Parameters.AddWithValue("role", role.ToDatabase());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return null;
        }

        return new IssuedApiKey
        {
            KeyId = insert.LastInsertedId,
            AccountId = accountId,
            Name = storedName,
            Key = key,
            Prefix = prefix,
            Role = role,
        };
    }

    /// <summary>True when the key is the account's; revoking it again keeps the first revocation time.</summary>
    public async Task<bool> RevokeAsync(string accountId, long keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ssnews_api_keys SET revoked_at = COALESCE(revoked_at, UTC_TIMESTAMP())
            WHERE key_id = @key AND account_id = @account
            """, connection);
        update.Parameters.AddWithValue("key", keyId);
        update.Parameters.AddWithValue("account", accountId);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT key_id, name, key_prefix, role, created_at, last_used_at, revoked_at
            FROM ssnews_api_keys
            WHERE account_id = @account
            ORDER BY key_id
            """, connection);
        select.Parameters.AddWithValue("account", accountId);

        var keys = new List<ApiKeyInfo>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyInfo
            {
                KeyId = reader.GetInt64("key_id"),
                Name = reader.GetString("name"),
                Prefix = reader.GetString("key_prefix"),
                Role = ApiKeyRoleValues.FromDatabase(reader.GetString("role")),
                CreatedAt = reader.GetUtcDateTime("created_at"),
                LastUsedAt = reader.GetNullableUtcDateTime("last_used_at"),
                RevokedAt = reader.GetNullableUtcDateTime("revoked_at"),
            });
        }

        return keys;
    }

    public async Task TouchAsync(long keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand(
            "UPDATE ssnews_api_keys SET last_used_at = UTC_TIMESTAMP() WHERE key_id = @key", connection);
        update.Parameters.AddWithValue("key", keyId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
