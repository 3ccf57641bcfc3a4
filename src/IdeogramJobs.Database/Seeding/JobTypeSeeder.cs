using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace IdeogramJobs.Database.Seeding;

/// <summary>
/// Gives an account the specification's five job types: when it is created, when an operator runs
/// seed-job-types, and on its first use. ssnews_account_job_type_seedings records each account that
/// was given them, so first use seeds once, and an account that deleted every job type keeps none.
/// </summary>
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

    /// <summary>
    /// Inserts the default job types unless the account was given them before; true when it did. Safe
    /// under any number of concurrent callers on any number of silos: the first to record the account
    /// holds that row's lock until its inserts commit, and the others then find the row and stop.
    /// </summary>
    public async Task<bool> SeedOnFirstUseAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Nearly every call finds the account recorded: a plain read answers it without a write.
        await using (var seeded = new MySqlCommand(
            "SELECT COUNT(*) FROM ssnews_account_job_type_seedings WHERE account_id = @account", connection))
        {
            seeded.Parameters.AddWithValue("account", accountId);
            if (Convert.ToInt64(await seeded.ExecuteScalarAsync(cancellationToken)) > 0)
            {
                return false;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await RecordSeededAsync(connection, transaction, accountId, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await InsertDefaultsAsync(connection, transaction, accountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the default job types for {AccountId} on its first use", accountId);
        return true;
    }

    /// <summary>Inserts the default job types when the account has none; true when it did. Either way the account counts as seeded.</summary>
    public async Task<bool> SeedIfNoneAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        await RecordSeededAsync(connection, transaction, accountId, cancellationToken);
        await using (var count = new MySqlCommand(
            "SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = @account", connection, transaction))
        {
            count.Parameters.AddWithValue("account", accountId);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) > 0)
            {
                return false;
            }
        }

        await InsertDefaultsAsync(connection, transaction, accountId, cancellationToken);
        logger.LogInformation("Seeded the default job types for {AccountId}", accountId);
        return true;
    }

    /// <summary>Records that the account was given the default job types; true when this call recorded it first.</summary>
    private static async Task<bool> RecordSeededAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        await using var record = new MySqlCommand(
            "INSERT IGNORE INTO ssnews_account_job_type_seedings (account_id) VALUES (@account)", connection, transaction);
        record.Parameters.AddWithValue("account", accountId);
        return await record.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task InsertDefaultsAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        foreach (var jobType in DefaultJobTypes.All)
        {
            // INSERT IGNORE: a job type of the same name the account already has is kept as it is.
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
    }
}
