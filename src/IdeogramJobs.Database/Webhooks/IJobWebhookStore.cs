namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// Jobs' own webhookUrls, which need no registered endpoint: the account's default signing secret
/// (ideogram_webhook_signing_secrets, encrypted with SecretProtector, created on first need) and the log
/// of the deliveries it signs (ideogram_webhook_deliveries rows without an endpoint).
/// </summary>
public interface IJobWebhookStore
{
    /// <summary>The account's signing secret, created if it has none; throws SecretUnavailableException when no master key is set.</summary>
    Task<AccountSigningSecret> GetOrCreateSigningSecretAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>A new signing secret; the old one keeps signing beside it for <paramref name="overlap"/>.</summary>
    Task<AccountSigningSecret> RotateSigningSecretAsync(string accountId, TimeSpan overlap, CancellationToken cancellationToken);

    /// <summary>The deliveries to the account's jobs' own webhookUrls, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string accountId, int limit, CancellationToken cancellationToken);

    /// <summary>Sends a delivered or failed delivery again (same webhook-id), retried for another window; false when there is no such finished delivery.</summary>
    Task<bool> RedeliverAsync(string accountId, long deliveryId, TimeSpan retryWindow, CancellationToken cancellationToken);

    /// <summary>Re-encrypts every account's signing secrets not under the current master key; returns how many rows changed.</summary>
    Task<int> ReencryptSecretsAsync(CancellationToken cancellationToken);
}
