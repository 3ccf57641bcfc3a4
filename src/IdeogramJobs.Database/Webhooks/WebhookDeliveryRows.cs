using IdeogramJobs.Database.Columns;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>Reads a delivery log's rows, for endpoints' logs and for the log of jobs' own webhookUrls alike.</summary>
public static class WebhookDeliveryRows
{
    /// <summary>
    /// Reads rows of delivery_id, message_id, endpoint_id, event_type, job_id, url, status, attempts,
    /// last_status_code, last_error, next_attempt_at, created_at and delivered_at.
    /// </summary>
    public static async Task<IReadOnlyList<WebhookDelivery>> ReadAsync(MySqlCommand select, CancellationToken cancellationToken)
    {
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString("status");
            deliveries.Add(new WebhookDelivery
            {
                DeliveryId = reader.GetInt64("delivery_id"),
                MessageId = reader.GetString("message_id"),
                EndpointId = reader.GetNullableInt64("endpoint_id"),
                EventType = reader.GetString("event_type"),
                JobId = reader.GetNullableInt64("job_id"),
                Url = reader.GetString("url"),
                Status = status,
                Attempts = reader.GetInt32("attempts"),
                LastResponseCode = reader.GetNullableInt32("last_status_code"),
                LastError = reader.GetNullableString("last_error"),
                NextAttemptAt = status == "pending" ? reader.GetUtcDateTime("next_attempt_at") : null,
                CreatedAt = reader.GetUtcDateTime("created_at"),
                DeliveredAt = reader.GetNullableUtcDateTime("delivered_at"),
            });
        }

        return deliveries;
    }
}
