using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace IdeogramJobs.Database.Seeding;

/// <summary>Gives an account that has no job types the specification's five.</summary>
public sealed class JobTypeSeeder(C360ReqDatabase database, ILogger<JobTypeSeeder> logger)
{
    /// <summary>Seeds every account that has no job type yet; returns how many accounts were seeded.</summary>
    public async Task<int> SeedAccountsWithoutJobTypesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var accounts = new List<string>();
        await using (var command = new MySqlCommand("""
            SELECT a.account_id FROM ssnews_accounts a
            WHERE NOT EXISTS (SELECT 1 FROM ssnews_job_configurations c WHERE c.account_id = a.account_id)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                accounts.Add(reader.GetString(0));
            }
        }

        var seeded = 0;
        foreach (var accountId in accounts)
        {
            seeded += await SeedIfNoneAsync(connection, null, accountId, cancellationToken) ? 1 : 0;
        }

        return seeded;
    }

    public async Task<bool> SeedIfNoneAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SeedIfNoneAsync(connection, null, accountId, cancellationToken);
    }

    /// <summary>Inserts the default job types when the account has none; true when it did.</summary>
    public async Task<bool> SeedIfNoneAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        await using (var count = new MySqlCommand(
            "SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = @account", connection, transaction))
        {
            count.Parameters.AddWithValue("account", accountId);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) > 0)
            {
                return false;
            }
        }

        foreach (var jobType in DefaultJobTypes.All)
        {
            // INSERT IGNORE: two processes seeding the same account at once end with one set.
            await using var insert = new MySqlCommand("""
                INSERT IGNORE INTO ssnews_job_configurations
                    (account_id, job_type_name, display_name, description, default_settings, ui_schema, is_active, execution_order)
                VALUES (@account, @name, @display, @description, @defaults, @schema, TRUE, @order)
                """, connection, transaction);
            insert.Parameters.AddWithValue("account", accountId);
            insert.Parameters.AddWithValue("name", jobType.Name);
            insert.Parameters.AddWithValue("display", jobType.DisplayName);
            insert.Parameters.AddWithValue("description", jobType.Description);
            insert.Parameters.AddWithValue("defaults", SettingsJson.Serialize(jobType.Defaults));
            insert.Parameters.AddWithValue("schema", SettingsJson.Serialize(jobType.UiSchema));
            insert.Parameters.AddWithValue("order", jobType.ExecutionOrder);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        logger.LogInformation("Seeded the default job types for {AccountId}", accountId);
        return true;
    }
}
