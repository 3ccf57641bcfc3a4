using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// A new job written in one round trip, inside a transaction the batch opens and commits itself: the job row with
/// its estimate, its reference images, its idempotency key and its settings. A BEGIN and a COMMIT of their own would
/// cost two more round trips on every submission, which the account grain makes one at a time.
/// </summary>
internal static class NewJobBatch
{
    private const int CreatedByChars = 100;
    private const int FileNameChars = 255;

    /// <summary>
    /// The batch for <paramref name="job"/>. It selects the job's id, which LAST_INSERT_ID() holds until the settings
    /// row, written last because its own AUTO_INCREMENT id replaces it. A statement that fails stops the batch inside
    /// its transaction: the caller rolls back before the connection goes back to the pool.
    /// </summary>
    public static MySqlCommand Command(NewJob job, MySqlConnection connection)
    {
        var sql = new StringBuilder("""
            START TRANSACTION;
            INSERT INTO ssnews_jobs
                (organization_id, account_id, job_type, status, priority, payload, max_retries, created_by, created_at,
                 unit_price_usd, estimate_usd)
            VALUES
                ((SELECT a.organization_id FROM ssnews_accounts a WHERE a.account_id = @account),
                 @account, @jobType, 'queued', @priority, @payload, @maxRetries, @createdBy, UTC_TIMESTAMP(), @unit, @estimate);
            SELECT LAST_INSERT_ID();

            """);
        var command = new MySqlCommand { Connection = connection };
        var parameters = command.Parameters;
        parameters.AddWithValue("account", job.AccountId);
        parameters.AddWithValue("jobType", M0004_ImageGenerationJobType.ImageGenerationJobType);
        parameters.AddWithValue("priority", job.Priority);
        parameters.AddWithValue("payload", JobPayload.For(job).ToJson());
        parameters.AddWithValue("maxRetries", job.MaxRetries);
        parameters.AddWithValue("createdBy", ColumnText.Cut(job.CreatedBy, CreatedByChars));
        parameters.AddWithValue("unit", job.Estimate?.PerImage);
        parameters.AddWithValue("estimate", job.Estimate?.Total);

        for (var index = 0; index < job.StyleReferenceImages.Count; index++)
        {
            var image = job.StyleReferenceImages[index];
            sql.AppendLine(CultureInfo.InvariantCulture, $"""
                INSERT INTO ssnews_job_style_references (job_id, image_index, file_name, content_type, sha256, content, created_at)
                VALUES (LAST_INSERT_ID(), {index}, @referenceName{index}, @referenceType{index}, @referenceSha{index}, @reference{index}, UTC_TIMESTAMP(3));
                """);
            parameters.AddWithValue($"referenceName{index}", ColumnText.Cut(image.FileName, FileNameChars));
            parameters.AddWithValue($"referenceType{index}", image.ContentType);
            parameters.AddWithValue($"referenceSha{index}", Sha256(image.Content));
            parameters.AddWithValue($"reference{index}", image.Content);
        }

        if (job.CharacterReferenceImage is { } character)
        {
            sql.AppendLine("""
                INSERT INTO ssnews_job_character_references (job_id, file_name, content_type, sha256, content, created_at)
                VALUES (LAST_INSERT_ID(), @characterName, @characterType, @characterSha, @character, UTC_TIMESTAMP(3));
                """);
            parameters.AddWithValue("characterName", ColumnText.Cut(character.FileName, FileNameChars));
            parameters.AddWithValue("characterType", character.ContentType);
            parameters.AddWithValue("characterSha", Sha256(character.Content));
            parameters.AddWithValue("character", character.Content);
        }

        if (job.IdempotencyKey is { } key)
        {
            // A key another submission committed first fails the batch here (duplicate key), before anything is kept.
            sql.AppendLine("""
                INSERT INTO ssnews_job_idempotency_keys (account_id, idempotency_key, job_id, request_sha256, created_at)
                VALUES (@account, @idempotencyKey, LAST_INSERT_ID(), @requestSha, UTC_TIMESTAMP(3));
                """);
            parameters.AddWithValue("idempotencyKey", key);
            parameters.AddWithValue("requestSha", job.RequestSha256);
        }

        sql.Append("""
            INSERT INTO ssnews_job_execution_settings (job_id, config_id, user_overrides, final_settings, created_at)
            VALUES (LAST_INSERT_ID(), @config, @overrides, @final, UTC_TIMESTAMP());
            COMMIT;
            """);
        parameters.AddWithValue("config", job.ConfigId);
        parameters.AddWithValue("overrides", job.UserOverridesJson);
        parameters.AddWithValue("final", SettingsJson.Serialize(job.FinalSettings));
        command.CommandText = sql.ToString();
        return command;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
