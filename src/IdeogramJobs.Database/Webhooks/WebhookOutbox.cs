using System.Text.Json.Nodes;
using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// Writes webhook deliveries, one row per (event, endpoint), in the caller's transaction when it has
/// one, so an event is recorded exactly when what raised it is. Nothing here sends: the delivery
/// worker on each silo does, so a slow receiver never slows the writer.
/// </summary>
public sealed class WebhookOutbox(C360ReqDatabase database, IOptions<WebhookOptions> options)
{
    private readonly long retrySeconds = (long)Math.Ceiling(options.Value.RetryWindow.TotalSeconds);

    /// <summary>
    /// Runs a job's terminal UPDATE (of @job) and, when it changed the row, queues the job's event for the
    /// account's subscribed endpoints and its own webhookUrl, all in one transaction. Returns the rows changed.
    /// </summary>
    public async Task<int> EndJobAsync(long jobId, string eventType, MySqlCommand update, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        update.Connection = connection;
        update.Transaction = transaction;

        // In the same round trip, whether anyone is to hear of it: most accounts have no endpoint and most jobs no
        // webhookUrl, and then the event is neither built nor queued.
        update.CommandText += """
            ;
            SELECT EXISTS (SELECT 1 FROM ideogram_webhook_endpoints e
                           WHERE e.account_id = j.account_id AND e.enabled = 1 AND FIND_IN_SET(@eventType, e.event_types) > 0)
                   OR JSON_EXTRACT(j.payload, '$.webhookUrl') IS NOT NULL
            FROM ssnews_jobs j WHERE j.job_id = @job;
            """;
        update.Parameters.AddWithValue("eventType", eventType);
        int changed;
        var listened = false;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
                {
                    listened = !reader.IsDBNull(0) && reader.GetBoolean(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            changed = reader.RecordsAffected;
        }

        if (changed > 0 && listened && await WebhookJobEvent.ReadAsync(connection, transaction, jobId, eventType, cancellationToken) is { } jobEvent)
        {
            await InsertAsync(connection, transaction, jobEvent.AccountId, eventType, jobId, jobEvent.PayloadJson, jobEvent.WebhookUrl, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Queues an account-wide event (e.g. budget.threshold_reached) for the endpoints subscribed to it.
    /// <paramref name="payloadJson"/> is the event's <c>data</c> object. Pass the caller's transaction to
    /// record the event with the change that raised it.
    /// </summary>
    public async Task EnqueueAccountEventAsync(string accountId, string eventType, string payloadJson, MySqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["type"] = eventType,
            ["timestamp"] = DateTime.UtcNow,
            ["data"] = JsonNode.Parse(payloadJson),
        }.ToJsonString();
        if (transaction?.Connection is { } connection)
        {
            await InsertAsync(connection, transaction, accountId, eventType, null, payload, null, cancellationToken);
            return;
        }

        await using var own = await database.OpenConnectionAsync(cancellationToken);
        await InsertAsync(own, null, accountId, eventType, null, payload, null, cancellationToken);
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
