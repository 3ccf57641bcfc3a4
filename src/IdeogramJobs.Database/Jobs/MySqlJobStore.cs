using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// <see cref="IJobStore"/> on ssnews_jobs and ssnews_job_execution_settings. Every statement is
/// restricted to job_type 'image_generation', so the older system's jobs are never read or changed.
/// Transitions are single conditional UPDATEs: the row itself decides whether a transition is allowed,
/// which keeps two silos that race on a job from both winning. Times are the server's UTC_TIMESTAMP().
/// </summary>
public sealed class MySqlJobStore(C360ReqDatabase database, IImageAssetStore images) : IJobStore
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;
    private const int WorkerIdChars = 100;
    private const int CreatedByChars = 100;

    /// <summary>A select-list column: the settings the job was first resolved with, which fix how many images it asks for.</summary>
    private const string FirstFinalSettings = """
        (SELECT s.final_settings FROM ssnews_job_execution_settings s
         WHERE s.job_id = j.job_id ORDER BY s.execution_id LIMIT 1) AS final_settings
        """;

    public async Task<long> CreateAsync(NewJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long jobId;
        await using (var insertJob = new MySqlCommand("""
            INSERT INTO ssnews_jobs
                (organization_id, account_id, job_type, status, priority, payload, max_retries, created_by, created_at)
            VALUES
                ((SELECT a.organization_id FROM ssnews_accounts a WHERE a.account_id = @account),
                 @account, @jobType, 'queued', @priority, @payload, @maxRetries, @createdBy, UTC_TIMESTAMP())
            """, connection, transaction))
        {
            insertJob.Parameters.AddWithValue("account", job.AccountId);
            insertJob.Parameters.AddWithValue("jobType", JobType);
            insertJob.Parameters.AddWithValue("priority", job.Priority);
            insertJob.Parameters.AddWithValue("payload", JobPayload.For(job).ToJson());
            insertJob.Parameters.AddWithValue("maxRetries", job.MaxRetries);
            insertJob.Parameters.AddWithValue("createdBy", ColumnText.Cut(job.CreatedBy, CreatedByChars));
            await insertJob.ExecuteNonQueryAsync(cancellationToken);
            jobId = insertJob.LastInsertedId;
        }

        await using (var insertSettings = new MySqlCommand("""
            INSERT INTO ssnews_job_execution_settings (job_id, config_id, user_overrides, final_settings, created_at)
            VALUES (@job, @config, @overrides, @final, UTC_TIMESTAMP())
            """, connection, transaction))
        {
            insertSettings.Parameters.AddWithValue("job", jobId);
            insertSettings.Parameters.AddWithValue("config", job.ConfigId);
            insertSettings.Parameters.AddWithValue("overrides", job.UserOverridesJson);
            insertSettings.Parameters.AddWithValue("final", SettingsJson.Serialize(job.FinalSettings));
            await insertSettings.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var index = 0; index < job.StyleReferenceImages.Count; index++)
        {
            var image = job.StyleReferenceImages[index];
            await using var insertReference = new MySqlCommand("""
                INSERT INTO ssnews_job_style_references (job_id, image_index, file_name, content_type, sha256, content, created_at)
                VALUES (@job, @index, @name, @type, @sha, @content, UTC_TIMESTAMP(3))
                """, connection, transaction);
            insertReference.Parameters.AddWithValue("job", jobId);
            insertReference.Parameters.AddWithValue("index", index);
            insertReference.Parameters.AddWithValue("name", ColumnText.Cut(image.FileName, 255));
            insertReference.Parameters.AddWithValue("type", image.ContentType);
            insertReference.Parameters.AddWithValue("sha", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Content)));
            insertReference.Parameters.AddWithValue("content", image.Content);
            await insertReference.ExecuteNonQueryAsync(cancellationToken);
        }

        if (job.IdempotencyKey is { } key)
        {
            await using var insertKey = new MySqlCommand("""
                INSERT INTO ssnews_job_idempotency_keys (account_id, idempotency_key, job_id, created_at)
                VALUES (@account, @key, @job, UTC_TIMESTAMP(3))
                """, connection, transaction);
            insertKey.Parameters.AddWithValue("account", job.AccountId);
            insertKey.Parameters.AddWithValue("key", key);
            insertKey.Parameters.AddWithValue("job", jobId);
            try
            {
                await insertKey.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                // Another submission with this key committed first: it owns the job, this one leaves no trace.
                await transaction.RollbackAsync(cancellationToken);
                return await FindByIdempotencyKeyAsync(connection, job.AccountId, key, cancellationToken)
                    ?? throw new InvalidOperationException("An idempotency key collided with a job that no longer exists.", e);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return jobId;
    }

    public async Task<long?> FindByIdempotencyKeyAsync(string accountId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindByIdempotencyKeyAsync(connection, accountId, idempotencyKey, cancellationToken);
    }

    public async Task<StoredJob?> GetAsync(long jobId, CancellationToken cancellationToken)
    {
        StoredJob job;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var select = new MySqlCommand("""
            SELECT j.job_id, j.account_id, j.status, j.priority, j.payload, j.progress_percentage, j.progress_details,
                   j.retry_count, j.max_retries, j.error_message, j.worker_id, j.created_at, j.started_at, j.completed_at,
                   s.config_id, s.user_overrides, s.final_settings
            FROM ssnews_jobs j
            JOIN ssnews_job_execution_settings s ON s.job_id = j.job_id
            WHERE j.job_id = @job AND j.job_type = @jobType
            ORDER BY s.execution_id
            LIMIT 1
            """, connection))
        {
            select.Parameters.AddWithValue("job", jobId);
            select.Parameters.AddWithValue("jobType", JobType);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var payload = JobPayload.Parse(reader.GetString("payload"));
            job = new StoredJob
            {
                JobId = reader.GetInt64("job_id"),
                AccountId = reader.GetString("account_id"),
                Status = JobStatusExtensions.FromDatabase(reader.GetString("status")),
                ConfigId = reader.GetInt32("config_id"),
                JobTypeName = payload.JobTypeName,
                Prompt = payload.Prompt,
                CustomPromptAddition = payload.CustomPromptAddition,
                Priority = reader.GetNullableInt32("priority") ?? 0,
                ProgressPercentage = reader.GetNullableInt32("progress_percentage") ?? 0,
                ProgressDetails = reader.GetNullableString("progress_details"),
                RetryCount = reader.GetNullableInt32("retry_count") ?? 0,
                MaxRetries = reader.GetNullableInt32("max_retries") ?? 0,
                ErrorMessage = reader.GetNullableString("error_message"),
                WorkerId = reader.GetNullableString("worker_id"),
                CreatedAt = reader.GetUtcDateTime("created_at"),
                StartedAt = reader.GetNullableUtcDateTime("started_at"),
                CompletedAt = reader.GetNullableUtcDateTime("completed_at"),
                FinalSettings = SettingsJson.Deserialize<JobSettings>(reader.GetString("final_settings")),
                UserOverridesJson = reader.GetNullableString("user_overrides"),
                StyleReferenceImages = payload.StyleReferenceImages,
                RegeneratedFrom = payload.RegeneratedFrom,
            };
        }

        return job with { Images = await images.ListForJobAsync(jobId, cancellationToken) };
    }

    public async Task<IReadOnlyList<StyleReferenceUpload>> GetStyleReferencesAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand(
            "SELECT file_name, content_type, content FROM ssnews_job_style_references WHERE job_id = @job ORDER BY image_index", connection);
        select.Parameters.AddWithValue("job", jobId);
        var references = new List<StyleReferenceUpload>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            references.Add(new StyleReferenceUpload(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return references;
    }

    public async Task<int> CountImagesAdmittedSinceAsync(string accountId, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT COALESCE(SUM(COALESCE(JSON_EXTRACT(s.final_settings, '$.numImages'), 1)), 0)
            FROM ssnews_jobs j
            JOIN ssnews_job_execution_settings s ON s.job_id = j.job_id
            WHERE j.account_id = @account AND j.job_type = @jobType AND j.created_at >= @since
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("since", sinceUtc);
        return Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<RunningAttempt>> ListRunningAttemptsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT j.job_id, j.account_id, {FirstFinalSettings}
            FROM ssnews_jobs j
            WHERE j.job_type = @jobType AND j.status = 'processing' AND j.worker_id IS NOT NULL AND j.account_id IS NOT NULL
            """, connection);
        select.Parameters.AddWithValue("jobType", JobType);

        var attempts = new List<RunningAttempt>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add(new RunningAttempt(reader.GetInt64("job_id"), reader.GetString("account_id"), ImagesAsked(reader)));
        }

        return attempts;
    }

    public async Task<IReadOnlyList<string>> ListAccountsWithUnfinishedJobsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand(
            "SELECT DISTINCT account_id FROM ssnews_jobs WHERE job_type = @jobType AND status IN ('queued', 'processing') AND account_id IS NOT NULL",
            connection);
        select.Parameters.AddWithValue("jobType", JobType);
        var accounts = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetString(0));
        }

        return accounts;
    }

    public async Task<IReadOnlyList<UnfinishedJob>> ListUnfinishedAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT j.job_id, j.status, j.priority, j.created_at, {FirstFinalSettings}
            FROM ssnews_jobs j
            WHERE j.account_id = @account AND j.job_type = @jobType AND j.status IN ('queued', 'processing')
            ORDER BY j.priority DESC, j.created_at, j.job_id
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("jobType", JobType);

        var jobs = new List<UnfinishedJob>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new UnfinishedJob(
                reader.GetInt64("job_id"),
                JobStatusExtensions.FromDatabase(reader.GetString("status")),
                reader.GetNullableInt32("priority") ?? 0,
                reader.GetUtcDateTime("created_at"),
                ImagesAsked(reader)));
        }

        return jobs;
    }

    public async Task<bool> MarkProcessingAsync(long jobId, string workerId, string progressDetails, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'processing', worker_id = @worker, started_at = COALESCE(started_at, UTC_TIMESTAMP()),
                progress_details = @details
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing')
            """, cancellationToken,
            ("worker", ColumnText.Cut(workerId, WorkerIdChars)),
            ("details", ColumnText.Cut(progressDetails, ColumnText.TextChars))) > 0;

    public async Task UpdateProgressAsync(long jobId, int percentage, string details, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET progress_percentage = @percentage, progress_details = @details
            WHERE job_id = @job AND job_type = @jobType AND status = 'processing'
            """, cancellationToken,
            ("percentage", Math.Clamp(percentage, 0, 100)),
            ("details", ColumnText.Cut(details, ColumnText.TextChars)));

    public async Task RecordAttemptFailureAsync(long jobId, int retryCount, string errorMessage, string progressDetails, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET retry_count = @retries, error_message = @error, progress_details = @details, worker_id = NULL
            WHERE job_id = @job AND job_type = @jobType AND status = 'processing'
            """, cancellationToken,
            ("retries", retryCount),
            ("error", ColumnText.Cut(errorMessage, ColumnText.TextChars)),
            ("details", ColumnText.Cut(progressDetails, ColumnText.TextChars)));

    public async Task<bool> CompleteAsync(long jobId, string resultsJson, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'completed', results = @results, completed_at = UTC_TIMESTAMP(), progress_percentage = 100,
                error_message = NULL
            WHERE job_id = @job AND job_type = @jobType AND status = 'processing'
            """, cancellationToken,
            ("results", resultsJson)) > 0;

    public async Task<bool> FailAsync(long jobId, int retryCount, string errorMessage, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'failed', error_message = @error, retry_count = @retries, completed_at = UTC_TIMESTAMP()
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing')
            """, cancellationToken,
            ("error", ColumnText.Cut(errorMessage, ColumnText.TextChars)),
            ("retries", retryCount)) > 0;

    public async Task<bool> CancelAsync(long jobId, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'cancelled', completed_at = UTC_TIMESTAMP()
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing')
            """, cancellationToken) > 0;

    public async Task<bool> RequeueAsync(long jobId, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'queued', completed_at = NULL, error_message = NULL, progress_percentage = 0,
                progress_details = NULL, retry_count = 0
            WHERE job_id = @job AND job_type = @jobType AND status IN ('failed', 'cancelled')
            """, cancellationToken) > 0;

    /// <summary>The images a row read with <see cref="FirstFinalSettings"/> asks for; one when its settings say none.</summary>
    private static int ImagesAsked(MySqlDataReader reader) =>
        reader.GetNullableString("final_settings") is { } finalSettings
            ? SettingsJson.Deserialize<JobSettings>(finalSettings).NumImages ?? 1
            : 1;

    private static async Task<long?> FindByIdempotencyKeyAsync(MySqlConnection connection, string accountId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand("""
            SELECT k.job_id FROM ssnews_job_idempotency_keys k
            JOIN ssnews_jobs j ON j.job_id = k.job_id AND j.job_type = @jobType
            WHERE k.account_id = @account AND k.idempotency_key = @key
            """, connection);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("key", idempotencyKey);
        var jobId = await select.ExecuteScalarAsync(cancellationToken);
        return jobId is null ? null : Convert.ToInt64(jobId);
    }

    /// <summary>Runs an UPDATE of one image job (@job, @jobType) and returns how many rows matched.</summary>
    private async Task<int> ExecuteAsync(long jobId, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("jobType", JobType);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
