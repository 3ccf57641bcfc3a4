using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// Writes webhook deliveries, one row per (event, endpoint), in the caller's transaction, so an event is
/// recorded exactly when what raised it is. Nothing here sends: the delivery worker on each silo does, so a
/// slow receiver never slows the writer.
/// </summary>
public sealed class WebhookOutbox(IOptions<WebhookOptions> options)
{
    private readonly long retrySeconds = (long)Math.Ceiling(options.Value.RetryWindow.TotalSeconds);

    /// <summary>
    /// An expression over the ssnews_jobs row named <paramref name="jobs"/> (an alias, or the table in its own UPDATE):
    /// whether anyone is to hear of the job's @eventType (an enabled endpoint of its account subscribed to it, or the
    /// job's own webhookUrl). Most accounts have no endpoint and most jobs no webhookUrl, and then
    /// <see cref="QueueJobEventAsync"/> need not run.
    /// </summary>
    public static string Listened(string jobs) => $"""
        (EXISTS (SELECT 1 FROM ideogram_webhook_endpoints e
                 WHERE e.account_id = {jobs}.account_id AND e.enabled = 1 AND FIND_IN_SET(@eventType, e.event_types) > 0)
         OR JSON_EXTRACT({jobs}.payload, '$.webhookUrl') IS NOT NULL)
        """;

    /// <summary>
    /// Queues a job's terminal event for the account's subscribed endpoints and the job's own webhookUrl, in the
    /// transaction that ended the job, which the caller's own statements began on <paramref name="connection"/>.
    /// </summary>
    public async Task QueueJobEventAsync(MySqlConnection connection, long jobId, string eventType, CancellationToken cancellationToken)
    {
        if (await WebhookJobEvent.ReadAsync(connection, jobId, eventType, cancellationToken) is { } jobEvent)
        {
            await InsertAsync(connection, null, jobEvent.AccountId, eventType, jobId, jobEvent.PayloadJson, jobEvent.WebhookUrl, cancellationToken);
        }
    }

    /// <summary>
    /// Queues an account-wide event (e.g. budget.threshold_reached) for the endpoints subscribed to it.
    /// <paramref name="payloadJson"/> is the event's <c>data</c> object. It is written in the caller's transaction,
    /// so the event is recorded with the change that raised it.
    /// </summary>
    public async Task EnqueueAccountEventAsync(string accountId, string eventType, string payloadJson, MySqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var payload = new JsonObject
        {
            ["type"] = eventType,
            ["timestamp"] = DateTime.UtcNow,
            ["data"] = JsonNode.Parse(payloadJson),
        }.ToJsonString();
        await InsertAsync(transaction.Connection!, transaction, accountId, eventType, null, payload, null, cancellationToken);
    }

    private async Task InsertAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, string eventType, long? jobId, string payload, string? jobWebhookUrl, CancellationToken cancellationToken)
    {
        // One message id per event: every endpoint sees the same webhook-id for it, on every attempt.
        var messageId = "msg_" + Guid.NewGuid().ToString("N");
        await using (var subscribed = new MySqlCommand("""
            INSERT INTO ideogram_webhook_deliveries
                (message_id, endpoint_id, account_id, event_type, job_id, target_url, payload, next_attempt_at, retry_until)
            SELECT @message, e.endpoint_id, e.account_id, @type, @job, NULL, @payload, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL @retry SECOND
            FROM ideogram_webhook_endpoints e
            WHERE e.account_id = @account AND e.enabled = 1 AND FIND_IN_SET(@type, e.event_types) > 0
            """, connection, transaction))
        {
            AddParameters(subscribed, messageId, accountId, eventType, jobId, payload);
            await subscribed.ExecuteNonQueryAsync(cancellationToken);
        }

        if (jobWebhookUrl is null)
        {
            return;
        }

        // A job's own webhookUrl has no endpoint: it is signed with the account's signing secret (see the README).
        await using var perJob = new MySqlCommand("""
            INSERT INTO ideogram_webhook_deliveries
                (message_id, endpoint_id, account_id, event_type, job_id, target_url, payload, next_attempt_at, retry_until)
            VALUES (@message, NULL, @account, @type, @job, @url, @payload, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL @retry SECOND)
            """, connection, transaction);
        AddParameters(perJob, messageId, accountId, eventType, jobId, payload);
        perJob.Parameters.AddWithValue("url", jobWebhookUrl);
        await perJob.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddParameters(MySqlCommand command, string messageId, string accountId, string eventType, long? jobId, string payload)
    {
        command.Parameters.AddWithValue("message", messageId);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("type", eventType);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("retry", retrySeconds);
    }
}
