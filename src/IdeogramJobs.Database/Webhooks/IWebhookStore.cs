namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// An account's webhook endpoints (ideogram_webhook_endpoints) and their delivery outbox
/// (ideogram_webhook_deliveries). Secrets are encrypted with SecretProtector before they are stored
/// and are shown in plain text only in what create and rotate return.
/// </summary>
public interface IWebhookStore
{
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string accountId, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> GetAsync(string accountId, long endpointId, CancellationToken cancellationToken);

    /// <summary>Stores a new endpoint with a new secret; throws SecretUnavailableException when no master key is set.</summary>
    Task<CreatedWebhookEndpoint> CreateAsync(string accountId, string url, IReadOnlyList<string> eventTypes, bool enabled, CancellationToken cancellationToken);

    /// <summary>Changes what the change names; enabling clears a disable reason. Null when there is no such endpoint.</summary>
    Task<WebhookEndpoint?> UpdateAsync(string accountId, long endpointId, WebhookEndpointChange change, CancellationToken cancellationToken);

    /// <summary>Deletes the endpoint and its deliveries; false when there was none.</summary>
    Task<bool> DeleteAsync(string accountId, long endpointId, CancellationToken cancellationToken);

    /// <summary>A new secret for the endpoint; the old one keeps signing beside it for <paramref name="overlap"/>.</summary>
    Task<CreatedWebhookEndpoint?> RotateSecretAsync(string accountId, long endpointId, TimeSpan overlap, CancellationToken cancellationToken);

    /// <summary>Whether the account has any endpoint, whose secret a job's own webhookUrl would be signed with.</summary>
    Task<bool> HasEndpointAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The endpoint's newest deliveries first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string accountId, long endpointId, int limit, CancellationToken cancellationToken);

    /// <summary>Sends a delivered or failed delivery again (same webhook-id), retried for another window; false when there is no such finished delivery.</summary>
    Task<bool> RedeliverAsync(string accountId, long endpointId, long deliveryId, TimeSpan retryWindow, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due deliveries to <paramref name="owner"/> for <paramref name="lease"/>:
    /// no other silo takes them meanwhile, and if the owner dies they are due again when the lease ends.
    /// </summary>
    Task<IReadOnlyList<DueDelivery>> LeaseDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task<bool> MarkDeliveredAsync(long deliveryId, string owner, int statusCode, CancellationToken cancellationToken);

    Task<bool> ScheduleRetryAsync(long deliveryId, string owner, int? statusCode, string error, DateTime nextAttemptAt, CancellationToken cancellationToken);

    Task<bool> MarkFailedAsync(long deliveryId, string owner, int? statusCode, string error, CancellationToken cancellationToken);

    /// <summary>Disables an endpoint the service gave up on (its receiver answered 410 Gone).</summary>
    Task DisableEndpointAsync(long endpointId, string reason, CancellationToken cancellationToken);

    /// <summary>Re-encrypts every stored secret not under the current master key; returns how many values changed.</summary>
    Task<int> ReencryptSecretsAsync(CancellationToken cancellationToken);
}
