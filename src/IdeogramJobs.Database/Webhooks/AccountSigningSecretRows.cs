using IdeogramJobs.Database.Secrets;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// Creates an account's default signing secret (ideogram_webhook_signing_secrets) on first need: both when
/// a job names its own webhookUrl and when a delivery for one is sent, since a job accepted before the
/// account had one may still end.
/// </summary>
public static class AccountSigningSecretRows
{
    /// <summary>Stores a new secret for the account unless it has one; throws SecretUnavailableException when no master key is set.</summary>
    public static async Task EnsureAsync(MySqlConnection connection, SecretProtector protector, string accountId, CancellationToken cancellationToken)
    {
        if (!protector.CanEncrypt)
        {
            throw new SecretUnavailableException($"{SecretEncryptionOptions.KeysVariable} is not set, so webhook secrets cannot be stored.");
        }

        // INSERT IGNORE: two first needs at once keep whichever secret was stored first.
        await using var insert = new MySqlCommand("""
            INSERT IGNORE INTO ideogram_webhook_signing_secrets (account_id, secret, created_at) VALUES (@account, @secret, UTC_TIMESTAMP(3))
            """, connection);
        insert.Parameters.AddWithValue("account", accountId);
        insert.Parameters.AddWithValue("secret", protector.Protect(WebhookSecret.Generate(), WebhookSecret.AccountPurpose(accountId)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
