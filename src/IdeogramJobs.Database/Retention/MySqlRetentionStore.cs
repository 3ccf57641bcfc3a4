using IdeogramJobs.Contracts.Retention;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Retention;

/// <summary><see cref="IRetentionStore"/> on the c360req tables.</summary>
public sealed class MySqlRetentionStore(C360ReqDatabase database) : IRetentionStore
{
    private const string ImageContentType = M0005_ImageAssetsJobLink.JobContentType;

    // The old system's job types are never touched; a job still queued or running never expires.
    private const string ExpiredJob = $"""
        j.account_id = @account AND j.job_type = '{M0004_ImageGenerationJobType.ImageGenerationJobType}'
        AND j.status IN ('completed', 'failed', 'cancelled')
        AND j.created_at < @jobs AND COALESCE(j.completed_at, j.updated_at, j.created_at) < @jobs
        """;

    private const string RejectedImage = """
        i.account_id = @account AND i.associated_content_type = @contentType AND i.status = 'rejected' AND i.created_at < @rejected
        """;

    public async Task<IReadOnlyList<string>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("SELECT account_id FROM ssnews_accounts ORDER BY account_id", connection);
        var accounts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetString(0));
        }

        return accounts;
    }

    public async Task<RetentionOverride?> GetOverrideAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT rejected_image_days, job_history_days, system_log_days, idempotency_key_hours, admission_rejection_days
            FROM ssnews_account_retention WHERE account_id = @account
            """, connection);
        command.Parameters.AddWithValue("account", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RetentionOverride
        {
            RejectedImageDays = reader.GetNullableInt32("rejected_image_days"),
            JobHistoryDays = reader.GetNullableInt32("job_history_days"),
            SystemLogDays = reader.GetNullableInt32("system_log_days"),
            IdempotencyKeyHours = reader.GetNullableInt32("idempotency_key_hours"),
            AdmissionRejectionDays = reader.GetNullableInt32("admission_rejection_days"),
        };
    }

    public async Task SetOverrideAsync(string accountId, RetentionOverride overrides, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            INSERT INTO ssnews_account_retention
                (account_id, rejected_image_days, job_history_days, system_log_days, idempotency_key_hours, admission_rejection_days, updated_at)
            VALUES (@account, @rejected, @jobs, @logs, @keys, @admission, UTC_TIMESTAMP(3))
            ON DUPLICATE KEY UPDATE
                rejected_image_days = VALUES(rejected_image_days), job_history_days = VALUES(job_history_days),
                system_log_days = VALUES(system_log_days), idempotency_key_hours = VALUES(idempotency_key_hours),
                admission_rejection_days = VALUES(admission_rejection_days), updated_at = VALUES(updated_at)
            """, connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("rejected", overrides.RejectedImageDays);
        command.Parameters.AddWithValue("jobs", overrides.JobHistoryDays);
        command.Parameters.AddWithValue("logs", overrides.SystemLogDays);
        command.Parameters.AddWithValue("keys", overrides.IdempotencyKeyHours);
        command.Parameters.AddWithValue("admission", overrides.AdmissionRejectionDays);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RetentionCount>> CountAsync(string accountId, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Each kind is counted as the run deletes it: rejected images first, then the jobs with the rest of their images.
        await using var command = new MySqlCommand($"""
            SELECT 'RejectedImages' AS kind, COUNT(*) AS n, MIN(i.created_at) AS oldest FROM ssnews_image_assets i WHERE {RejectedImage}
            UNION ALL
            SELECT 'Jobs', COUNT(*), MIN(j.created_at) FROM ssnews_jobs j WHERE {ExpiredJob}
            UNION ALL
            SELECT 'JobImages', COUNT(*), MIN(i.created_at) FROM ssnews_image_assets i JOIN ssnews_jobs j ON j.job_id = i.job_id
                WHERE {ExpiredJob} AND i.associated_content_type = @contentType AND NOT ({RejectedImage})
            UNION ALL
            SELECT 'StyleReferences', COUNT(*), MIN(s.created_at) FROM ssnews_job_style_references s JOIN ssnews_jobs j ON j.job_id = s.job_id WHERE {ExpiredJob}
            UNION ALL
            SELECT 'SystemLogs', COUNT(*), MIN(timestamp) FROM ssnews_system_logs WHERE account_id = @account AND timestamp < @logs
            UNION ALL
            SELECT 'IdempotencyKeys', COUNT(*), MIN(created_at) FROM ssnews_job_idempotency_keys WHERE account_id = @account AND created_at < @keys
            UNION ALL
            SELECT 'AdmissionRejections', COUNT(*), MIN(occurred_at) FROM ssnews_job_admission_rejections WHERE account_id = @account AND occurred_at < @admission
            """, connection);
        AddCutoffs(command, accountId, cutoffs);
        var counts = new List<RetentionCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new RetentionCount
            {
                Kind = Enum.Parse<RetentionKind>(reader.GetString("kind")),
                Count = reader.GetInt64("n"),
                Oldest = reader.GetNullableUtcDateTime("oldest"),
            });
        }

        return counts;
    }

    public Task<int> DeleteSystemLogsAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken) =>
        DeleteLimitedAsync("DELETE FROM ssnews_system_logs WHERE account_id = @account AND timestamp < @before ORDER BY timestamp LIMIT @limit", accountId, before, limit, cancellationToken);

    public Task<int> DeleteIdempotencyKeysAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken) =>
        DeleteLimitedAsync("DELETE FROM ssnews_job_idempotency_keys WHERE account_id = @account AND created_at < @before ORDER BY created_at LIMIT @limit", accountId, before, limit, cancellationToken);

    public Task<int> DeleteAdmissionRejectionsAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken) =>
        DeleteLimitedAsync("DELETE FROM ssnews_job_admission_rejections WHERE account_id = @account AND occurred_at < @before ORDER BY occurred_at LIMIT @limit", accountId, before, limit, cancellationToken);

    public async Task<IReadOnlyList<ExpiredImage>> DeleteRejectedImagesAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT i.image_id, i.sirv_cdn_url, i.source_image_id_external FROM ssnews_image_assets i
            WHERE {RejectedImage} ORDER BY i.created_at LIMIT @limit FOR UPDATE
            """, connection, transaction);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("contentType", ImageContentType);
        select.Parameters.AddWithValue("rejected", before);
        select.Parameters.AddWithValue("limit", limit);
        var images = await ReadImagesAsync(select, cancellationToken);
        await DeleteImageRowsAsync(connection, transaction, images, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return images;
    }

    public async Task<ExpiredJobsDeletion> DeleteJobsAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new MySqlCommand($"SELECT j.job_id FROM ssnews_jobs j WHERE {ExpiredJob} ORDER BY j.created_at LIMIT @limit FOR UPDATE", connection, transaction);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("jobs", before);
        select.Parameters.AddWithValue("limit", limit);
        var jobIds = new List<long>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                jobIds.Add(reader.GetInt64(0));
            }
        }

        if (jobIds.Count == 0)
        {
            return new ExpiredJobsDeletion(0, [], 0);
        }

        var jobs = InList(jobIds, "job");
        await using var images = new MySqlCommand(
            $"SELECT image_id, sirv_cdn_url, source_image_id_external FROM ssnews_image_assets WHERE job_id IN ({jobs.Placeholders}) AND associated_content_type = @contentType FOR UPDATE",
            connection, transaction);
        jobs.AddTo(images);
        images.Parameters.AddWithValue("contentType", ImageContentType);
        var deletedImages = await ReadImagesAsync(images, cancellationToken);
        await DeleteImageRowsAsync(connection, transaction, deletedImages, cancellationToken);

        await using var references = new MySqlCommand($"SELECT COUNT(*) FROM ssnews_job_style_references WHERE job_id IN ({jobs.Placeholders})", connection, transaction);
        jobs.AddTo(references);
        var styleReferences = Convert.ToInt32(await references.ExecuteScalarAsync(cancellationToken));

        await using var delete = new MySqlCommand($"DELETE FROM ssnews_jobs WHERE job_id IN ({jobs.Placeholders})", connection, transaction);
        jobs.AddTo(delete);
        var deletedJobs = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExpiredJobsDeletion(deletedJobs, deletedImages, styleReferences);
    }

    private async Task<int> DeleteLimitedAsync(string sql, string accountId, DateTime before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("before", before);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ExpiredImage>> ReadImagesAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        var images = new List<ExpiredImage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            images.Add(new ExpiredImage(reader.GetInt64("image_id"), reader.GetString("sirv_cdn_url"), reader.GetNullableString("source_image_id_external")));
        }

        return images;
    }

    private static async Task DeleteImageRowsAsync(MySqlConnection connection, MySqlTransaction transaction, List<ExpiredImage> images, CancellationToken cancellationToken)
    {
        if (images.Count == 0)
        {
            return;
        }

        var ids = InList([.. images.Select(i => i.ImageId)], "image");
        await using var delete = new MySqlCommand($"DELETE FROM ssnews_image_assets WHERE image_id IN ({ids.Placeholders})", connection, transaction);
        ids.AddTo(delete);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddCutoffs(MySqlCommand command, string accountId, RetentionCutoffs cutoffs)
    {
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("contentType", ImageContentType);
        command.Parameters.AddWithValue("rejected", cutoffs.RejectedImages);
        command.Parameters.AddWithValue("jobs", cutoffs.Jobs);
        command.Parameters.AddWithValue("logs", cutoffs.SystemLogs);
        command.Parameters.AddWithValue("keys", cutoffs.IdempotencyKeys);
        command.Parameters.AddWithValue("admission", cutoffs.AdmissionRejections);
    }

    private static IdList InList(IReadOnlyList<long> ids, string prefix) => new(ids, prefix);

    /// <summary>Parameter placeholders for an IN list, so every id is sent as a parameter.</summary>
    private sealed class IdList(IReadOnlyList<long> ids, string prefix)
    {
        public string Placeholders { get; } = string.Join(", ", ids.Select((_, i) => $"@{prefix}{i}"));

        public void AddTo(MySqlCommand command)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                command.Parameters.AddWithValue($"{prefix}{i}", ids[i]);
            }
        }
    }
}
