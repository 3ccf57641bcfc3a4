using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Configurations;

/// <summary>
/// <see cref="IJobConfigurationStore"/> on ssnews_job_configurations. Settings and UI schemas are
/// stored in the specification's JSON shape (<see cref="SettingsJson"/>); a job type's name is
/// unique per account through the table's unique key. Texts many job types repeat (the seeded ones'
/// names and documents) are read as one shared instance each (<see cref="SharedInstanceCache{T}"/>).
/// </summary>
public sealed class MySqlJobConfigurationStore(C360ReqDatabase database) : IJobConfigurationStore
{
    private const string Columns = """
        config_id, account_id, job_type_name, display_name, description, default_settings, ui_schema,
        is_active, execution_order, created_at, updated_at
        """;

    /// <summary>Distinct texts each cache keeps; far more than the seeded job types need.</summary>
    private const int SharedTexts = 1024;

    private readonly SharedInstanceCache<string> texts = new(SharedTexts, text => text);
    private readonly SharedInstanceCache<JobSettings> defaultSettings = new(SharedTexts, SettingsJson.Deserialize<JobSettings>);
    private readonly SharedInstanceCache<UiSchema> uiSchemas = new(SharedTexts, SettingsJson.Deserialize<UiSchema>);

    public async Task<JobConfiguration?> GetAsync(int configId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, configId, cancellationToken);
    }

    public async Task<IReadOnlyList<JobConfiguration>> ListAsync(string accountId, bool includeInactive, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT {Columns} FROM ssnews_job_configurations
            WHERE account_id = @account AND (@includeInactive OR COALESCE(is_active, TRUE))
            ORDER BY execution_order, config_id
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("includeInactive", includeInactive);

        var configurations = new List<JobConfiguration>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            configurations.Add(Read(reader));
        }

        return configurations;
    }

    public async Task<int?> FindAsync(string accountId, string jobTypeName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand(
            "SELECT config_id FROM ssnews_job_configurations WHERE account_id = @account AND job_type_name = @name", connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("name", jobTypeName);
        var configId = await select.ExecuteScalarAsync(cancellationToken);
        return configId is null ? null : Convert.ToInt32(configId);
    }

    public async Task<JobConfiguration?> InsertAsync(string accountId, JobConfigurationDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var insert = new MySqlCommand("""
            INSERT INTO ssnews_job_configurations
                (account_id, job_type_name, display_name, description, default_settings, ui_schema, is_active, execution_order)
            VALUES (@account, @name, @display, @description, @defaults, @schema, @active, @order)
            """, connection);
        insert.Parameters.AddWithValue("account", accountId);
        AddDraft(insert, draft);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return null;
        }

        return await GetAsync(connection, checked((int)insert.LastInsertedId), cancellationToken);
    }

    public async Task<(ConfigurationWriteOutcome Outcome, JobConfiguration? Configuration)> UpdateAsync(int configId, JobConfigurationDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ssnews_job_configurations
            SET job_type_name = @name, display_name = @display, description = @description, default_settings = @defaults,
                ui_schema = @schema, is_active = @active, execution_order = @order
            WHERE config_id = @config
            """, connection);
        update.Parameters.AddWithValue("config", configId);
        AddDraft(update, draft);
        int matched;
        try
        {
            matched = await update.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return (ConfigurationWriteOutcome.NameTaken, null);
        }

        // The connection reports rows matched, not rows changed: an update that changes nothing still counts.
        return matched == 0
            ? (ConfigurationWriteOutcome.NotFound, null)
            : (ConfigurationWriteOutcome.Saved, await GetAsync(connection, configId, cancellationToken));
    }

    public async Task<bool> DeleteAsync(int configId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // ssnews_job_execution_settings cascades from this row: deleting a job type that jobs ran with
        // would erase their settings history, so such a job type is kept (it can be deactivated instead).
        await using var delete = new MySqlCommand("""
            DELETE FROM ssnews_job_configurations
            WHERE config_id = @config
              AND NOT EXISTS (SELECT 1 FROM ssnews_job_execution_settings s WHERE s.config_id = @config)
            """, connection);
        delete.Parameters.AddWithValue("config", configId);
        return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<JobConfiguration?> GetAsync(MySqlConnection connection, int configId, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand($"SELECT {Columns} FROM ssnews_job_configurations WHERE config_id = @config", connection);
        select.Parameters.AddWithValue("config", configId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static void AddDraft(MySqlCommand command, JobConfigurationDraft draft)
    {
        command.Parameters.AddWithValue("name", draft.JobTypeName);
        command.Parameters.AddWithValue("display", draft.DisplayName);
        command.Parameters.AddWithValue("description", draft.Description);
        command.Parameters.AddWithValue("defaults", SettingsJson.Serialize(draft.DefaultSettings));
        command.Parameters.AddWithValue("schema", SettingsJson.Serialize(draft.UiSchema));
        command.Parameters.AddWithValue("active", draft.IsActive);
        command.Parameters.AddWithValue("order", draft.ExecutionOrder);
    }

    private JobConfiguration Read(MySqlDataReader reader) => new()
    {
        ConfigId = reader.GetInt32("config_id"),
        AccountId = reader.GetString("account_id"),
        JobTypeName = texts.Get(reader.GetString("job_type_name")),
        DisplayName = texts.Get(reader.GetString("display_name")),
        Description = reader.GetNullableString("description") is { } description ? texts.Get(description) : null,
        DefaultSettings = defaultSettings.Get(reader.GetString("default_settings")),
        UiSchema = uiSchemas.Get(reader.GetString("ui_schema")),
        IsActive = reader.GetNullableBoolean("is_active") ?? true,
        ExecutionOrder = reader.GetNullableInt32("execution_order") ?? 999,
        CreatedAt = reader.GetUtcDateTime("created_at"),
        UpdatedAt = reader.GetUtcDateTime("updated_at"),
    };
}
