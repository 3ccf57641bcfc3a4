using System.Text.Json.Nodes;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Costs;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// A job's terminal event as receivers get it, read inside the transaction that ended the job:
/// <c>{ type, timestamp, data: { jobId, accountId, jobType, status, images, finalSettings, error, cost, ... } }</c>.
/// Each image keeps its storage path beside the URL recorded with the results, and the URL is built again
/// from them when the delivery is sent (WebhookPayloadImages), so it follows the service's address.
/// </summary>
public sealed record WebhookJobEvent(string AccountId, string? WebhookUrl, string PayloadJson)
{
    public static async Task<WebhookJobEvent?> ReadAsync(MySqlConnection connection, long jobId, string eventType, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand($"""
            SELECT j.account_id, j.status, j.results, j.error_message, j.retry_count, j.created_at, j.started_at, j.completed_at, {JobCostColumns.Select},
                   JSON_UNQUOTE(JSON_EXTRACT(j.payload, '$.jobTypeName')) AS job_type,
                   JSON_UNQUOTE(JSON_EXTRACT(j.payload, '$.webhookUrl')) AS webhook_url,
                   (SELECT s.final_settings FROM ssnews_job_execution_settings s
                    WHERE s.job_id = j.job_id ORDER BY s.execution_id DESC LIMIT 1) AS final_settings,
                   (SELECT JSON_OBJECTAGG(i.image_id, i.source_image_id_external) FROM ssnews_image_assets i
                    WHERE i.job_id = j.job_id AND i.associated_content_type = @contentType) AS storage_paths
            FROM ssnews_jobs j WHERE j.job_id = @job
            """, connection);
        select.Parameters.AddWithValue("job", jobId);
        select.Parameters.AddWithValue("contentType", M0005_ImageAssetsJobLink.JobContentType);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetNullableString("account_id") is not { } accountId)
        {
            return null;
        }

        var completedAt = reader.GetNullableUtcDateTime("completed_at") ?? DateTime.UtcNow;
        var results = reader.GetNullableString("results") is { } resultsJson ? JsonNode.Parse(resultsJson) : null;
        var data = new JsonObject
        {
            ["jobId"] = jobId,
            ["accountId"] = accountId,
            ["jobType"] = reader.GetNullableString("job_type"),
            ["status"] = reader.GetString("status"),
            ["prompt"] = results?["prompt"]?.DeepClone(),
            ["images"] = WithStoragePaths(results?["images"]?.DeepClone() ?? new JsonArray(), reader.GetNullableString("storage_paths")),
            ["finalSettings"] = reader.GetNullableString("final_settings") is { } settings ? JsonNode.Parse(settings) : null,
            ["error"] = eventType == WebhookEventTypes.JobFailed ? reader.GetNullableString("error_message") : null,
            ["retryCount"] = reader.GetNullableInt32("retry_count") ?? 0,
            ["cost"] = JobCostColumns.Read(reader) is { } cost
                ? new JsonObject { ["currency"] = cost.Currency, ["estimateUsd"] = cost.EstimateUsd, ["costUsd"] = cost.CostUsd, ["billedUsd"] = cost.BilledUsd }
                : null,
            ["createdAt"] = reader.GetUtcDateTime("created_at"),
            ["startedAt"] = reader.GetNullableUtcDateTime("started_at"),
            ["completedAt"] = completedAt,
        };
        var payload = new JsonObject
        {
            ["type"] = eventType,
            ["timestamp"] = completedAt,
            ["data"] = data,
        };
        return new WebhookJobEvent(accountId, reader.GetNullableString("webhook_url"), payload.ToJsonString());
    }

    /// <summary>Adds each image's storage path (by image id) to the results' images, for the URL to be built at send time.</summary>
    private static JsonNode WithStoragePaths(JsonNode images, string? storagePathsJson)
    {
        if (storagePathsJson is null || JsonNode.Parse(storagePathsJson) is not JsonObject paths)
        {
            return images;
        }

        foreach (var image in images.AsArray().OfType<JsonObject>())
        {
            if (image["imageId"]?.ToString() is { } imageId && paths[imageId]?.DeepClone() is { } path)
            {
                image["storagePath"] = path;
            }
        }

        return images;
    }
}
