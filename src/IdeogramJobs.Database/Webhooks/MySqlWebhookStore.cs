using System.Globalization;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Secrets;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary><see cref="IWebhookStore"/> on MySQL/MariaDB; every account-facing statement is restricted to the caller's account.</summary>
public sealed class MySqlWebhookStore(C360ReqDatabase database, SecretProtector protector) : IWebhookStore
{
    private const int ErrorChars = 1000;
    private const int ReasonChars = 255;

    private const string EndpointColumns = """
        endpoint_id, account_id, url, event_types, enabled, disabled_reason,
        IF(previous_secret_until > UTC_TIMESTAMP(3), previous_secret_until, NULL) AS previous_secret_until, created_at, updated_at
        """;

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"SELECT {EndpointColumns} FROM ideogram_webhook_endpoints WHERE account_id = @account ORDER BY endpoint_id", connection);
        select.Parameters.AddWithValue("account", accountId);
        return await ReadEndpointsAsync(select, cancellationToken);
    }

    public async Task<WebhookEndpoint?> GetAsync(string accountId, long endpointId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, accountId, endpointId, cancellationToken);
    }

    public async Task<CreatedWebhookEndpoint> CreateAsync(string accountId, string url, IReadOnlyList<string> eventTypes, bool enabled, CancellationToken cancellationToken)
    {
        if (!protector.CanEncrypt)
        {
            throw new SecretUnavailableException($"{SecretEncryptionOptions.KeysVariable} is not set, so webhook secrets cannot be stored.");
        }

        var secret = WebhookSecret.Generate();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long endpointId;
        await using (var insert = new MySqlCommand("""
            INSERT INTO ideogram_webhook_endpoints (account_id, url, event_types, enabled, secret, created_at, updated_at)
            VALUES (@account, @url, @events, @enabled, '', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("account", accountId);
            insert.Parameters.AddWithValue("url", url);
            insert.Parameters.AddWithValue("events", string.Join(',', eventTypes));
            insert.Parameters.AddWithValue("enabled", enabled);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            endpointId = insert.LastInsertedId;
        }

        // The purpose names the endpoint, so its id must exist before the secret is encrypted.
        await using (var setSecret = new MySqlCommand("UPDATE ideogram_webhook_endpoints SET secret = @secret WHERE endpoint_id = @id", connection, transaction))
        {
            setSecret.Parameters.AddWithValue("secret", protector.Protect(secret, WebhookSecret.Purpose(endpointId)));
            setSecret.Parameters.AddWithValue("id", endpointId);
            await setSecret.ExecuteNonQueryAsync(cancellationToken);
        }

        var endpoint = await GetAsync(connection, transaction, accountId, endpointId, cancellationToken)
            ?? throw new InvalidOperationException($"Webhook endpoint {endpointId} vanished inside its own transaction.");
        await transaction.CommitAsync(cancellationToken);
        return new CreatedWebhookEndpoint(endpoint, secret);
    }

    public async Task<WebhookEndpoint?> UpdateAsync(string accountId, long endpointId, WebhookEndpointChange change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ideogram_webhook_endpoints
            SET url = COALESCE(@url, url), event_types = COALESCE(@events, event_types), enabled = COALESCE(@enabled, enabled),
                disabled_reason = IF(@enabled = 1, NULL, disabled_reason), updated_at = UTC_TIMESTAMP(3)
            WHERE account_id = @account AND endpoint_id = @id
            """, connection);
        update.Parameters.AddWithValue("account", accountId);
        update.Parameters.AddWithValue("id", endpointId);
        update.Parameters.AddWithValue("url", change.Url);
        update.Parameters.AddWithValue("events", change.EventTypes is null ? null : string.Join(',', change.EventTypes));
        update.Parameters.AddWithValue("enabled", change.Enabled);
        await update.ExecuteNonQueryAsync(cancellationToken);
        return await GetAsync(connection, null, accountId, endpointId, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string accountId, long endpointId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var deleteDeliveries = new MySqlCommand("DELETE FROM ideogram_webhook_deliveries WHERE account_id = @account AND endpoint_id = @id", connection, transaction);
        deleteDeliveries.Parameters.AddWithValue("account", accountId);
        deleteDeliveries.Parameters.AddWithValue("id", endpointId);
        await deleteDeliveries.ExecuteNonQueryAsync(cancellationToken);
        await using var deleteEndpoint = new MySqlCommand("DELETE FROM ideogram_webhook_endpoints WHERE account_id = @account AND endpoint_id = @id", connection, transaction);
        deleteEndpoint.Parameters.AddWithValue("account", accountId);
        deleteEndpoint.Parameters.AddWithValue("id", endpointId);
        var deleted = await deleteEndpoint.ExecuteNonQueryAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<CreatedWebhookEndpoint?> RotateSecretAsync(string accountId, long endpointId, TimeSpan overlap, CancellationToken cancellationToken)
    {
        if (!protector.CanEncrypt)
        {
            throw new SecretUnavailableException($"{SecretEncryptionOptions.KeysVariable} is not set, so webhook secrets cannot be stored.");
        }

        var secret = WebhookSecret.Generate();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Both columns share the endpoint's purpose, so the current value moves to previous_secret as it is.
        await using var update = new MySqlCommand("""
            UPDATE ideogram_webhook_endpoints
            SET previous_secret = secret, previous_secret_until = UTC_TIMESTAMP(3) + INTERVAL @overlap SECOND,
                secret = @secret, updated_at = UTC_TIMESTAMP(3)
            WHERE account_id = @account AND endpoint_id = @id
            """, connection);
        update.Parameters.AddWithValue("account", accountId);
        update.Parameters.AddWithValue("id", endpointId);
        update.Parameters.AddWithValue("overlap", (long)overlap.TotalSeconds);
        update.Parameters.AddWithValue("secret", protector.Protect(secret, WebhookSecret.Purpose(endpointId)));
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return null;
        }

        return await GetAsync(connection, null, accountId, endpointId, cancellationToken) is { } endpoint
            ? new CreatedWebhookEndpoint(endpoint, secret)
            : null;
    }

    public async Task<bool> HasEndpointAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("SELECT EXISTS (SELECT 1 FROM ideogram_webhook_endpoints WHERE account_id = @account)", connection);
        select.Parameters.AddWithValue("account", accountId);
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string accountId, long endpointId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT d.delivery_id, d.message_id, d.endpoint_id, d.event_type, d.job_id, COALESCE(d.target_url, e.url) AS url, d.status,
                   d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.created_at, d.delivered_at
            FROM ideogram_webhook_deliveries d
            JOIN ideogram_webhook_endpoints e ON e.endpoint_id = d.endpoint_id
            WHERE d.account_id = @account AND d.endpoint_id = @id
            ORDER BY d.delivery_id DESC LIMIT @limit
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("id", endpointId);
        select.Parameters.AddWithValue("limit", limit);
        return await WebhookDeliveryRows.ReadAsync(select, cancellationToken);
    }

    public async Task<bool> RedeliverAsync(string accountId, long endpointId, long deliveryId, TimeSpan retryWindow, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ideogram_webhook_deliveries
            SET status = 'pending', next_attempt_at = UTC_TIMESTAMP(3), retry_until = UTC_TIMESTAMP(3) + INTERVAL @retry SECOND,
                lease_owner = NULL, lease_until = NULL, delivered_at = NULL
            WHERE account_id = @account AND endpoint_id = @endpoint AND delivery_id = @id AND status IN ('delivered', 'failed')
            """, connection);
        update.Parameters.AddWithValue("account", accountId);
        update.Parameters.AddWithValue("endpoint", endpointId);
        update.Parameters.AddWithValue("id", deliveryId);
        update.Parameters.AddWithValue("retry", (long)retryWindow.TotalSeconds);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<DueDelivery>> LeaseDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One conditional UPDATE takes the rows: two silos racing for a row cannot both own it, and a
        // lease that ended (its silo died mid-send) makes the row due again.
        await using (var take = new MySqlCommand("""
            UPDATE ideogram_webhook_deliveries d
            SET d.lease_owner = @owner, d.lease_until = UTC_TIMESTAMP(3) + INTERVAL @lease SECOND
            WHERE d.status = 'pending' AND d.next_attempt_at <= UTC_TIMESTAMP(3)
              AND (d.lease_until IS NULL OR d.lease_until < UTC_TIMESTAMP(3))
              AND (d.endpoint_id IS NULL OR d.endpoint_id IN (SELECT e.endpoint_id FROM ideogram_webhook_endpoints e WHERE e.enabled = 1 OR d.target_url IS NOT NULL))
            ORDER BY d.next_attempt_at LIMIT @max
            """, connection))
        {
            take.Parameters.AddWithValue("owner", owner);
            take.Parameters.AddWithValue("lease", (long)Math.Ceiling(lease.TotalSeconds));
            take.Parameters.AddWithValue("max", max);
            if (await take.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return [];
            }
        }

        var (due, unsigned) = await ReadLeasedAsync(connection, owner, cancellationToken);
        if (unsigned.Count == 0)
        {
            return due;
        }

        foreach (var accountId in unsigned)
        {
            await AccountSigningSecretRows.EnsureAsync(connection, protector, accountId, cancellationToken);
        }

        return (await ReadLeasedAsync(connection, owner, cancellationToken)).Due;
    }

    public async Task<bool> MarkDeliveredAsync(long deliveryId, string owner, int statusCode, CancellationToken cancellationToken) =>
        await ExecuteOwnedAsync(deliveryId, owner, """
            UPDATE ideogram_webhook_deliveries
            SET status = 'delivered', attempts = attempts + 1, last_status_code = @code, last_error = NULL,
                delivered_at = UTC_TIMESTAMP(3), lease_owner = NULL, lease_until = NULL
            WHERE delivery_id = @id AND lease_owner = @owner AND status = 'pending'
            """, cancellationToken, ("code", statusCode));

    public async Task<bool> ScheduleRetryAsync(long deliveryId, string owner, int? statusCode, string error, DateTime nextAttemptAt, CancellationToken cancellationToken) =>
        await ExecuteOwnedAsync(deliveryId, owner, """
            UPDATE ideogram_webhook_deliveries
            SET attempts = attempts + 1, last_status_code = @code, last_error = @error, next_attempt_at = @next,
                lease_owner = NULL, lease_until = NULL
            WHERE delivery_id = @id AND lease_owner = @owner AND status = 'pending'
            """, cancellationToken, ("code", statusCode), ("error", ColumnText.Cut(error, ErrorChars)), ("next", nextAttemptAt));

    public async Task<bool> MarkFailedAsync(long deliveryId, string owner, int? statusCode, string error, CancellationToken cancellationToken) =>
        await ExecuteOwnedAsync(deliveryId, owner, """
            UPDATE ideogram_webhook_deliveries
            SET status = 'failed', attempts = attempts + 1, last_status_code = @code, last_error = @error,
                lease_owner = NULL, lease_until = NULL
            WHERE delivery_id = @id AND lease_owner = @owner AND status = 'pending'
            """, cancellationToken, ("code", statusCode), ("error", ColumnText.Cut(error, ErrorChars)));

    public async Task DisableEndpointAsync(long endpointId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ideogram_webhook_endpoints SET enabled = 0, disabled_reason = @reason, updated_at = UTC_TIMESTAMP(3)
            WHERE endpoint_id = @id
            """, connection);
        update.Parameters.AddWithValue("id", endpointId);
        update.Parameters.AddWithValue("reason", ColumnText.Cut(reason, ReasonChars));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ReencryptSecretsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SecretPairReEncryption.RunAsync(connection, protector, "ideogram_webhook_endpoints", "endpoint_id", id => WebhookSecret.Purpose(Convert.ToInt64(id, CultureInfo.InvariantCulture)), cancellationToken);
    }

    /// <summary>
    /// The owner's leased deliveries with the secrets that sign them: an endpoint's, or for a job's own
    /// webhookUrl (no endpoint) the account's signing secret. Accounts that have none yet come back apart.
    /// </summary>
    private async Task<(List<DueDelivery> Due, HashSet<string> Unsigned)> ReadLeasedAsync(MySqlConnection connection, string owner, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand("""
            SELECT d.delivery_id, d.message_id, d.endpoint_id, d.account_id, COALESCE(d.target_url, e.url) AS url, d.target_url IS NULL AS to_endpoint,
                   d.payload, d.attempts, d.created_at, d.retry_until, COALESCE(e.secret, s.secret) AS secret,
                   IF(e.endpoint_id IS NULL, IF(s.previous_secret_until > UTC_TIMESTAMP(3), s.previous_secret, NULL),
                      IF(e.previous_secret_until > UTC_TIMESTAMP(3), e.previous_secret, NULL)) AS previous_secret
            FROM ideogram_webhook_deliveries d
            LEFT JOIN ideogram_webhook_endpoints e ON e.endpoint_id = d.endpoint_id
            LEFT JOIN ideogram_webhook_signing_secrets s ON d.endpoint_id IS NULL AND s.account_id = d.account_id
            WHERE d.lease_owner = @owner AND d.status = 'pending'
            """, connection);
        select.Parameters.AddWithValue("owner", owner);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueDelivery>();
        var unsigned = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var endpointId = reader.GetNullableInt64("endpoint_id");
            var accountId = reader.GetString("account_id");
            if (reader.GetNullableString("secret") is not { } secret)
            {
                unsigned.Add(accountId);
                continue;
            }

            var purpose = endpointId is { } id ? WebhookSecret.Purpose(id) : WebhookSecret.AccountPurpose(accountId);
            List<string> secrets = [protector.Unprotect(secret, purpose)];
            if (reader.GetNullableString("previous_secret") is { } previous)
            {
                secrets.Add(protector.Unprotect(previous, purpose));
            }

            due.Add(new DueDelivery
            {
                DeliveryId = reader.GetInt64("delivery_id"),
                MessageId = reader.GetString("message_id"),
                EndpointId = endpointId,
                Url = reader.GetString("url"),
                ToEndpointUrl = reader.GetInt64("to_endpoint") == 1,
                Payload = reader.GetString("payload"),
                Attempts = reader.GetInt32("attempts"),
                CreatedAt = reader.GetUtcDateTime("created_at"),
                RetryUntil = reader.GetUtcDateTime("retry_until"),
                Secrets = secrets,
            });
        }

        return (due, unsigned);
    }

    private static async Task<WebhookEndpoint?> GetAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, long endpointId, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand($"SELECT {EndpointColumns} FROM ideogram_webhook_endpoints WHERE account_id = @account AND endpoint_id = @id", connection, transaction);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("id", endpointId);
        return (await ReadEndpointsAsync(select, cancellationToken)) is [var endpoint] ? endpoint : null;
    }

    private static async Task<IReadOnlyList<WebhookEndpoint>> ReadEndpointsAsync(MySqlCommand select, CancellationToken cancellationToken)
    {
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var endpoints = new List<WebhookEndpoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new WebhookEndpoint
            {
                EndpointId = reader.GetInt64("endpoint_id"),
                AccountId = reader.GetString("account_id"),
                Url = reader.GetString("url"),
                EventTypes = reader.GetString("event_types").Split(',', StringSplitOptions.RemoveEmptyEntries),
                Enabled = reader.GetBoolean("enabled"),
                DisabledReason = reader.GetNullableString("disabled_reason"),
                PreviousSecretUntil = reader.GetNullableUtcDateTime("previous_secret_until"),
                CreatedAt = reader.GetUtcDateTime("created_at"),
                UpdatedAt = reader.GetUtcDateTime("updated_at"),
            });
        }

        return endpoints;
    }

    private async Task<bool> ExecuteOwnedAsync(long deliveryId, string owner, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", deliveryId);
        command.Parameters.AddWithValue("owner", owner);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
