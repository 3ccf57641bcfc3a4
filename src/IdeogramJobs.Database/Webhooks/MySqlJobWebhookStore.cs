using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Secrets;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary><see cref="IJobWebhookStore"/> on MySQL/MariaDB; every statement is restricted to the caller's account.</summary>
public sealed class MySqlJobWebhookStore(C360ReqDatabase database, SecretProtector protector) : IJobWebhookStore
{
    public async Task<AccountSigningSecret> GetOrCreateSigningSecretAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ReadAsync(connection, accountId, cancellationToken) is { } existing)
        {
            return existing;
        }

        await AccountSigningSecretRows.EnsureAsync(connection, protector, accountId, cancellationToken);
        return await ReadAsync(connection, accountId, cancellationToken)
            ?? throw new InvalidOperationException($"Account {accountId}'s signing secret vanished as it was created.");
    }

    public async Task<AccountSigningSecret> RotateSigningSecretAsync(string accountId, TimeSpan overlap, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await AccountSigningSecretRows.EnsureAsync(connection, protector, accountId, cancellationToken);
        // Both columns share the account's purpose, so the current value moves to previous_secret as it is.
        await using (var update = new MySqlCommand("""
            UPDATE ideogram_webhook_signing_secrets
            SET previous_secret = secret, previous_secret_until = UTC_TIMESTAMP(3) + INTERVAL @overlap SECOND,
                secret = @secret, rotated_at = UTC_TIMESTAMP(3)
            WHERE account_id = @account
            """, connection))
        {
            update.Parameters.AddWithValue("account", accountId);
            update.Parameters.AddWithValue("overlap", (long)overlap.TotalSeconds);
            update.Parameters.AddWithValue("secret", protector.Protect(WebhookSecret.Generate(), WebhookSecret.AccountPurpose(accountId)));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(connection, accountId, cancellationToken)
            ?? throw new InvalidOperationException($"Account {accountId}'s signing secret vanished as it was rotated.");
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT d.delivery_id, d.message_id, d.endpoint_id, d.event_type, d.job_id, d.target_url AS url, d.status,
                   d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.created_at, d.delivered_at
            FROM ideogram_webhook_deliveries d
            WHERE d.account_id = @account AND d.endpoint_id IS NULL
            ORDER BY d.delivery_id DESC LIMIT @limit
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("limit", limit);
        return await WebhookDeliveryRows.ReadAsync(select, cancellationToken);
    }

    public async Task<bool> RedeliverAsync(string accountId, long deliveryId, TimeSpan retryWindow, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ideogram_webhook_deliveries
            SET status = 'pending', next_attempt_at = UTC_TIMESTAMP(3), retry_until = UTC_TIMESTAMP(3) + INTERVAL @retry SECOND,
                lease_owner = NULL, lease_until = NULL, delivered_at = NULL
            WHERE account_id = @account AND endpoint_id IS NULL AND delivery_id = @id AND status IN ('delivered', 'failed')
            """, connection);
        update.Parameters.AddWithValue("account", accountId);
        update.Parameters.AddWithValue("id", deliveryId);
        update.Parameters.AddWithValue("retry", (long)retryWindow.TotalSeconds);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> ReencryptSecretsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SecretPairReEncryption.RunAsync(connection, protector, "ideogram_webhook_signing_secrets", "account_id", id => WebhookSecret.AccountPurpose((string)id), cancellationToken);
    }

    private async Task<AccountSigningSecret?> ReadAsync(MySqlConnection connection, string accountId, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand("""
            SELECT secret, IF(previous_secret_until > UTC_TIMESTAMP(3), previous_secret_until, NULL) AS previous_secret_until, created_at, rotated_at
            FROM ideogram_webhook_signing_secrets WHERE account_id = @account
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AccountSigningSecret
        {
            Secret = protector.Unprotect(reader.GetString("secret"), WebhookSecret.AccountPurpose(accountId)),
            PreviousSecretUntil = reader.GetNullableUtcDateTime("previous_secret_until"),
            CreatedAt = reader.GetUtcDateTime("created_at"),
            RotatedAt = reader.GetNullableUtcDateTime("rotated_at"),
        };
    }
}
