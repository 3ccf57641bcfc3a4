using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Seeding;
using MySqlConnector;

namespace IdeogramJobs.Database.Tenancy;

/// <summary>Creates organisations, accounts (with their default job types) and API keys.</summary>
public sealed class AccountProvisioner(C360ReqDatabase database, JobTypeSeeder jobTypes)
{
    /// <summary>The organisation with this slug, created when missing; returns its id.</summary>
    public async Task<string> EnsureOrganizationAsync(string slug, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var insert = new MySqlCommand(
            "INSERT IGNORE INTO ssnews_organizations (organization_id, name, slug) VALUES (@id, @name, @slug)", connection))
        {
            insert.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("slug", slug);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new MySqlCommand("SELECT organization_id FROM ssnews_organizations WHERE slug = @slug", connection);
        select.Parameters.AddWithValue("slug", slug);
        return (string)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The account with this slug in the organisation, created with the default job types when
    /// missing (one transaction, so an account never exists without them); returns its id.
    /// </summary>
    public async Task<string> EnsureAccountAsync(string organizationId, string slug, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var insert = new MySqlCommand(
            "INSERT IGNORE INTO ssnews_accounts (account_id, organization_id, name, slug) VALUES (@id, @org, @name, @slug)",
            connection, transaction))
        {
            insert.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("org", organizationId);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("slug", slug);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        string accountId;
        await using (var select = new MySqlCommand(
            "SELECT account_id FROM ssnews_accounts WHERE organization_id = @org AND slug = @slug", connection, transaction))
        {
            select.Parameters.AddWithValue("org", organizationId);
            select.Parameters.AddWithValue("slug", slug);
            accountId = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        }

        await jobTypes.SeedIfNoneAsync(connection, transaction, accountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return accountId;
    }

    /// <summary>Stores the hash of <paramref name="key"/> for the account (idempotent for the same key).</summary>
    public async Task AddApiKeyAsync(string accountId, string name, string key, ApiKeyRole role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var insert = new MySqlCommand("""
            INSERT IGNORE INTO ssnews_api_keys (account_id, name, key_prefix, key_hash, role)
            VALUES (@account, @name, @prefix, @hash, @role)
            """, connection);
        insert.Parameters.AddWithValue("role", role == ApiKeyRole.Admin ? "admin" : "user");
        insert.Parameters.AddWithValue("account", accountId);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("prefix", ApiKey.DisplayPrefix(key));
        insert.Parameters.AddWithValue("hash", ApiKey.Hash(key));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
