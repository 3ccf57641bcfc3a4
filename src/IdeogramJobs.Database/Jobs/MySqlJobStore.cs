using System.Globalization;
using System.Text.Json;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Costs;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Migrations.C360Req;
using IdeogramJobs.Database.Webhooks;
using MySqlConnector;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// <see cref="IJobStore"/> on ssnews_jobs and ssnews_job_execution_settings. Every statement is
/// restricted to job_type 'image_generation', so the older system's jobs are never read or changed.
/// Transitions are single conditional UPDATEs: the row itself decides whether a transition is allowed,
/// which keeps two silos that race on a job from both winning. Times are the server's UTC_TIMESTAMP().
/// </summary>
public sealed class MySqlJobStore(C360ReqDatabase database, IImageAssetStore images, WebhookOutbox? webhooks = null, BilledSpendAlerts? spendAlerts = null) : IJobStore
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;
    private const int WorkerIdChars = 100;

    private static readonly JsonSerializerOptions GenerationJson = new(JsonSerializerDefaults.Web);

    /// <summary>A select-list column: the settings the job was first resolved with, which fix how many images it asks for.</summary>
    private const string FirstFinalSettings = """
        (SELECT s.final_settings FROM ssnews_job_execution_settings s
         WHERE s.job_id = j.job_id ORDER BY s.execution_id LIMIT 1) AS final_settings
        """;

    public async Task<long> CreateAsync(NewJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var batch = NewJobBatch.Command(job, connection);
        try
        {
            return Convert.ToInt64(
                await batch.FirstSelectedValueAsync(cancellationToken) ?? throw new InvalidOperationException("Writing a new job selected no job id."),
                CultureInfo.InvariantCulture);
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry && job.IdempotencyKey is { } key)
        {
            // Another submission with this key committed first: it owns the job, this one leaves no trace.
            await RollBackAsync(connection);
            return (await FindByIdempotencyKeyAsync(connection, job.AccountId, key, cancellationToken))?.JobId
                ?? throw new InvalidOperationException("An idempotency key collided with a job that no longer exists.", e);
        }
        catch
        {
            await RollBackAsync(connection);
            throw;
        }
    }

    public async Task<IdempotencyRecord?> FindByIdempotencyKeyAsync(string accountId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindByIdempotencyKeyAsync(connection, accountId, idempotencyKey, cancellationToken);
    }

    public async Task<StoredJob?> GetAsync(long jobId, CancellationToken cancellationToken)
    {
        StoredJob job;
        bool hasImages;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var select = new MySqlCommand($"""
            SELECT j.job_id, j.account_id, j.status, j.priority, j.payload, j.progress_percentage, j.progress_details,
                   j.retry_count, j.max_retries, j.error_message, j.worker_id, j.created_at, j.started_at, j.completed_at,
                   j.attempt_token, j.attempt_deadline, j.dispatched_at, j.next_attempt_at, j.interruptions,
                   EXISTS (SELECT 1 FROM ssnews_job_generations g WHERE g.job_id = j.job_id) AS has_generation,
                   EXISTS (SELECT 1 FROM ssnews_image_assets i WHERE i.job_id = j.job_id) AS has_images,
                   s.config_id, s.user_overrides, s.final_settings, {JobCostColumns.Select}, p.key_identity
            FROM ssnews_jobs j
            JOIN ssnews_job_execution_settings s ON s.job_id = j.job_id
            LEFT JOIN ideogram_job_keys p ON p.job_id = j.job_id
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
                CharacterReferenceImage = payload.CharacterReferenceImage,
                RegeneratedFrom = payload.RegeneratedFrom,
                Replay = payload.Replay,
                AttemptToken = reader.GetNullableString("attempt_token"),
                AttemptDeadline = reader.GetNullableUtcDateTime("attempt_deadline"),
                DispatchedAt = reader.GetNullableUtcDateTime("dispatched_at"),
                NextAttemptAt = reader.GetNullableUtcDateTime("next_attempt_at"),
                Interruptions = reader.GetInt32("interruptions"),
                HasGeneration = reader.GetBoolean("has_generation"),
                Cost = JobCostColumns.Read(reader),
                PinnedKeyIdentity = reader.GetNullableString("key_identity"),
            };
            hasImages = reader.GetBoolean("has_images");
        }

        // Most reads are of jobs not yet run (an activation), which have no images to read.
        return hasImages ? job with { Images = await images.ListForJobAsync(jobId, cancellationToken) } : job;
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

    public async Task<StyleReferenceUpload?> GetCharacterReferenceAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand(
            "SELECT file_name, content_type, content FROM ssnews_job_character_references WHERE job_id = @job", connection);
        select.Parameters.AddWithValue("job", jobId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StyleReferenceUpload(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2))
            : null;
    }

    public async Task<IReadOnlyList<CapacityClaim>> ListCapacityClaimsAsync(DateTime now, string keyIdentity, CancellationToken cancellationToken)
    {
        // Running: owned and not yet answered. Abandoned: a call given up on that may still run.
        // Waiting: dispatched, free, not answered and not in a backoff. Oldest request first.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT j.job_id, j.account_id, j.attempt_token, j.attempt_deadline, j.dispatched_at, j.next_attempt_at, j.provider_busy_until, {FirstFinalSettings},
                   EXISTS (SELECT 1 FROM ssnews_job_generations g WHERE g.job_id = j.job_id) AS has_generation
            FROM ssnews_jobs j
            WHERE j.job_type = @jobType AND j.account_id IS NOT NULL
              AND COALESCE((SELECT p.key_identity FROM ideogram_job_keys p WHERE p.job_id = j.job_id), @serviceKey) = @keyIdentity
              AND (j.provider_busy_until > @now
                   OR (j.status IN ('queued', 'processing') AND (j.attempt_token IS NOT NULL OR j.dispatched_at IS NOT NULL)))
            ORDER BY j.dispatched_at, j.job_id
            """, connection);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("now", now);
        select.Parameters.AddWithValue("serviceKey", ProviderKeyIdentity.Service);
        select.Parameters.AddWithValue("keyIdentity", keyIdentity);

        var claims = new List<CapacityClaim>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var jobId = reader.GetInt64("job_id");
            var accountId = reader.GetString("account_id");
            var units = ImagesAsked(reader);
            var since = reader.GetNullableUtcDateTime("dispatched_at") ?? now;
            var answered = reader.GetBoolean("has_generation");
            if (reader.GetNullableUtcDateTime("provider_busy_until") is { } busyUntil && busyUntil > now)
            {
                claims.Add(new CapacityClaim(jobId, accountId, units, CapacityClaimKind.Abandoned, since, busyUntil));
            }

            if (answered)
            {
                continue;
            }

            if (reader.GetNullableString("attempt_token") is { } token)
            {
                claims.Add(new CapacityClaim(jobId, accountId, units, CapacityClaimKind.Running, since, reader.GetNullableUtcDateTime("attempt_deadline")) { AttemptToken = token });
            }
            else if (reader.GetNullableUtcDateTime("dispatched_at") is not null && !(reader.GetNullableUtcDateTime("next_attempt_at") > now))
            {
                claims.Add(new CapacityClaim(jobId, accountId, units, CapacityClaimKind.Waiting, since, null));
            }
        }

        return claims;
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
            SELECT j.job_id, j.status, j.priority, j.created_at, {FirstFinalSettings},
                   (j.status = 'processing' OR j.dispatched_at IS NOT NULL) AS dispatched
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
                ImagesAsked(reader),
                reader.GetBoolean("dispatched")));
        }

        return jobs;
    }

    public async Task<IReadOnlyList<TimeSpan>> ListRecentCallDurationsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT TIMESTAMPDIFF(SECOND, started_at, completed_at)
            FROM ssnews_jobs
            WHERE job_type = @jobType AND status = 'completed' AND retry_count = 0 AND interruptions = 0
              AND started_at IS NOT NULL AND completed_at >= started_at
            ORDER BY job_id DESC
            LIMIT @count
            """, connection);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("count", count);
        var durations = new List<TimeSpan>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            durations.Add(TimeSpan.FromSeconds(reader.GetInt64(0)));
        }

        return durations;
    }

    public async Task<bool> MarkDispatchedAsync(long jobId, DateTime at, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs SET dispatched_at = COALESCE(dispatched_at, @at)
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing')
            """, cancellationToken,
            ("at", at)) > 0;

    public async Task<bool> ClaimAttemptAsync(long jobId, AttemptClaim claim, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'processing', worker_id = @worker, attempt_token = @token, attempt_deadline = @deadline,
                started_at = COALESCE(started_at, UTC_TIMESTAMP()), progress_details = @details, next_attempt_at = NULL
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing') AND attempt_token IS NULL
            """, cancellationToken,
            ("worker", ColumnText.Cut(claim.WorkerId, WorkerIdChars)),
            ("token", claim.Token),
            ("deadline", claim.Deadline),
            ("details", ColumnText.Cut(claim.ProgressDetails, ColumnText.TextChars))) > 0;

    public async Task<bool> TakeOverAsync(long jobId, string staleToken, string reason, DateTime? providerBusyUntil, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET attempt_token = NULL, attempt_deadline = NULL, worker_id = NULL, interruptions = interruptions + 1,
                error_message = @reason, provider_busy_until = COALESCE(@busy, provider_busy_until)
            WHERE job_id = @job AND job_type = @jobType AND attempt_token = @token
            """, cancellationToken,
            ("token", staleToken),
            ("reason", ColumnText.Cut(reason, ColumnText.TextChars)),
            ("busy", providerBusyUntil)) > 0;

    public async Task NoteProviderBusyAsync(long jobId, DateTime until, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs SET provider_busy_until = GREATEST(COALESCE(provider_busy_until, @until), @until)
            WHERE job_id = @job AND job_type = @jobType
            """, cancellationToken,
            ("until", until));

    public async Task<bool> ReleaseClaimAsync(long jobId, string token, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = IF(retry_count = 0 AND interruptions = 0, 'queued', status),
                started_at = IF(retry_count = 0 AND interruptions = 0, NULL, started_at),
                attempt_token = NULL, attempt_deadline = NULL, worker_id = NULL
            WHERE job_id = @job AND job_type = @jobType AND attempt_token = @token
            """, cancellationToken,
            ("token", token)) > 0;

    public async Task<bool> SaveGenerationAsync(long jobId, string token, SavedGeneration generation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // One round trip, its own transaction from START to COMMIT: whether the attempt still owns the row (locked, and
        // whether its account has a budget), then the writes, each of which does nothing unless the attempt owns the
        // row. Images of an earlier generation (one answered but whose images could not be fetched) must not stay
        // beside this one's at indices it does not reach.
        await using var save = new MySqlCommand($"""
            START TRANSACTION;
            SELECT j.attempt_token = @token AS owned, {BilledSpendAlerts.Budgeted}
            FROM ssnews_jobs j WHERE j.job_id = @job AND j.job_type = @jobType
            FOR UPDATE;
            DELETE a FROM ssnews_image_assets a JOIN ssnews_jobs j ON j.job_id = a.job_id
            WHERE a.job_id = @job AND j.attempt_token = @token;
            INSERT INTO ssnews_job_generations (job_id, attempt_token, provider_created, images, created_at)
            SELECT job_id, @token, @created, @generated, UTC_TIMESTAMP(3) FROM ssnews_jobs WHERE job_id = @job AND attempt_token = @token
            ON DUPLICATE KEY UPDATE attempt_token = VALUES(attempt_token), provider_created = VALUES(provider_created),
                images = VALUES(images), created_at = VALUES(created_at);
            {JobCostColumns.RecordBilling}
            COMMIT;
            """, connection);
        save.Parameters.AddWithValue("job", jobId);
        save.Parameters.AddWithValue("jobType", JobType);
        save.Parameters.AddWithValue("token", token);
        save.Parameters.AddWithValue("created", generation.Created.UtcDateTime);
        save.Parameters.AddWithValue("generated", JsonSerializer.Serialize(generation.Images, GenerationJson));
        save.Parameters.AddWithValue("images", generation.Images.Count);

        var owned = false;
        var budgeted = false;
        try
        {
            await save.ReadFirstRowAsync(reader =>
            {
                owned = !reader.IsDBNull(0) && reader.GetBoolean(0);
                budgeted = reader.GetBoolean("budgeted");
            }, cancellationToken);
        }
        catch
        {
            await RollBackAsync(connection);
            throw;
        }

        // The billing may have brought the account to its budget's threshold: checked now it has committed.
        if (owned && budgeted && spendAlerts is not null)
        {
            await spendAlerts.RaiseIfCrossedAsync(connection, jobId);
        }

        return owned;
    }

    public async Task<SavedGeneration?> GetGenerationAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("SELECT provider_created, images FROM ssnews_job_generations WHERE job_id = @job", connection);
        select.Parameters.AddWithValue("job", jobId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var images = JsonSerializer.Deserialize<List<SavedGenerationImage>>(reader.GetString("images"), GenerationJson) ?? [];
        return new SavedGeneration(new DateTimeOffset(reader.GetUtcDateTime("provider_created")), images);
    }

    public async Task<bool> DiscardGenerationAsync(long jobId, string token, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            DELETE g FROM ssnews_job_generations g
            JOIN ssnews_jobs j ON j.job_id = g.job_id
            WHERE g.job_id = @job AND j.job_type = @jobType AND j.attempt_token = @token
            """, cancellationToken,
            ("token", token)) > 0;

    public async Task<bool> UpdateProgressAsync(long jobId, string token, int percentage, string details, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET progress_percentage = @percentage, progress_details = @details
            WHERE job_id = @job AND job_type = @jobType AND status = 'processing' AND attempt_token = @token
            """, cancellationToken,
            ("token", token),
            ("percentage", Math.Clamp(percentage, 0, 100)),
            ("details", ColumnText.Cut(details, ColumnText.TextChars))) > 0;

    public async Task<bool> RecordSetbackAsync(long jobId, string token, AttemptSetback setback, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET retry_count = @retries, interruptions = @interruptions, error_message = @error, progress_details = @details,
                next_attempt_at = @next, provider_busy_until = COALESCE(@busy, provider_busy_until),
                worker_id = NULL, attempt_token = NULL, attempt_deadline = NULL
            WHERE job_id = @job AND job_type = @jobType AND status = 'processing' AND attempt_token = @token
            """, cancellationToken,
            ("token", token),
            ("retries", setback.RetryCount),
            ("interruptions", setback.Interruptions),
            ("error", ColumnText.Cut(setback.ErrorMessage, ColumnText.TextChars)),
            ("details", ColumnText.Cut(setback.ProgressDetails, ColumnText.TextChars)),
            ("next", setback.NextAttemptAt),
            ("busy", setback.ProviderBusyUntil)) > 0;

    public Task<JobEnd> CompleteAsync(long jobId, string token, string resultsJson, CancellationToken cancellationToken) =>
        EndAsync(jobId, WebhookEventTypes.JobCompleted, $"""
            UPDATE ssnews_jobs
            SET status = 'completed', results = @results, completed_at = UTC_TIMESTAMP(), progress_percentage = 100, {JobCostColumns.SetCompletedCost},
                error_message = NULL, attempt_token = NULL, attempt_deadline = NULL, next_attempt_at = NULL
            WHERE job_id = @job AND job_type = @jobType AND status = 'processing' AND attempt_token = @token
            """, cancellationToken,
            ("token", token),
            ("results", resultsJson));

    public Task<JobEnd> FailAsync(long jobId, string? token, int retryCount, string errorMessage, CancellationToken cancellationToken) =>
        EndAsync(jobId, WebhookEventTypes.JobFailed, """
            UPDATE ssnews_jobs
            SET status = 'failed', error_message = @error, retry_count = @retries, completed_at = UTC_TIMESTAMP(),
                attempt_token = NULL, attempt_deadline = NULL, next_attempt_at = NULL
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing') AND attempt_token <=> @token
            """, cancellationToken,
            ("token", token),
            ("error", ColumnText.Cut(errorMessage, ColumnText.TextChars)),
            ("retries", retryCount));

    public Task<JobEnd> CancelAsync(long jobId, CancellationToken cancellationToken) =>
        EndAsync(jobId, WebhookEventTypes.JobCancelled, """
            UPDATE ssnews_jobs
            SET status = 'cancelled', completed_at = UTC_TIMESTAMP(), attempt_token = NULL, attempt_deadline = NULL, next_attempt_at = NULL
            WHERE job_id = @job AND job_type = @jobType AND status IN ('queued', 'processing')
            """, cancellationToken);

    public async Task<bool> RequeueAsync(long jobId, CancellationToken cancellationToken) =>
        await ExecuteAsync(jobId, """
            UPDATE ssnews_jobs
            SET status = 'queued', completed_at = NULL, error_message = NULL, progress_percentage = 0,
                progress_details = NULL, retry_count = 0, interruptions = 0, next_attempt_at = NULL, dispatched_at = NULL,
                attempt_token = NULL, attempt_deadline = NULL
            WHERE job_id = @job AND job_type = @jobType AND status IN ('failed', 'cancelled')
            """, cancellationToken) > 0;

    /// <summary>The images a row read with <see cref="FirstFinalSettings"/> asks for; one when its settings say none.</summary>
    private static int ImagesAsked(MySqlDataReader reader) =>
        reader.GetNullableString("final_settings") is { } finalSettings
            ? SettingsJson.Deserialize<JobSettings>(finalSettings).ImageCount
            : 1;

    /// <summary>
    /// Ends the transaction a failed batch left open, so the connection goes back to the pool clean (it is not reset on
    /// reuse). Nothing to add when this fails too: the connection is broken, the server rolls back as it closes, and the
    /// batch's own error is the one the caller hears of.
    /// </summary>
    private static async Task RollBackAsync(MySqlConnection connection)
    {
        try
        {
            await using var rollback = new MySqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is MySqlException or InvalidOperationException or IOException)
        {
        }
    }

    private static async Task<IdempotencyRecord?> FindByIdempotencyKeyAsync(MySqlConnection connection, string accountId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand("""
            SELECT k.job_id, k.request_sha256 FROM ssnews_job_idempotency_keys k
            JOIN ssnews_jobs j ON j.job_id = k.job_id AND j.job_type = @jobType
            WHERE k.account_id = @account AND k.idempotency_key = @key
            """, connection);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("key", idempotencyKey);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IdempotencyRecord(reader.GetInt64(0), reader.GetNullableString("request_sha256"))
            : null;
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

    /// <summary>
    /// A terminal UPDATE of one image job (@job, @jobType) that reads back, in the same round trip, the job's money and
    /// whether anyone listens for its webhook event. Most jobs have nobody to tell, and then the UPDATE alone ends the
    /// job, atomic by itself, with no transaction to open and commit. Whether anyone listens is judged as the row is
    /// updated: when someone does, that UPDATE changes nothing, and the job is ended again in a transaction that queues
    /// its event with the change.
    /// </summary>
    private async Task<JobEnd> EndAsync(long jobId, string eventType, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var unheard = webhooks is null ? sql : $"{sql} AND NOT {WebhookOutbox.Listened("ssnews_jobs")}";
        var quiet = await EndStepAsync(connection, unheard, jobId, eventType, parameters, cancellationToken);
        if (quiet.Ended || !quiet.Listened || webhooks is null)
        {
            return new JobEnd(quiet.Ended, quiet.Cost);
        }

        try
        {
            var heard = await EndStepAsync(connection, $"START TRANSACTION;\n{sql}", jobId, eventType, parameters, cancellationToken);
            if (heard.Ended && heard.Listened)
            {
                await webhooks.QueueJobEventAsync(connection, jobId, eventType, cancellationToken);
            }

            await CommitAsync(connection, cancellationToken);
            return new JobEnd(heard.Ended, heard.Cost);
        }
        catch
        {
            await RollBackAsync(connection);
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> (ending in a terminal UPDATE) and reads back the job's money and whether anyone listens for <paramref name="eventType"/>.</summary>
    private static async Task<(bool Ended, JobCost? Cost, bool Listened)> EndStepAsync(
        MySqlConnection connection, string sql, long jobId, string eventType, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var end = new MySqlCommand($"""
            {sql};
            SELECT {JobCostColumns.Select}, {WebhookOutbox.Listened("j")} AS listened FROM ssnews_jobs j WHERE j.job_id = @job;
            """, connection);
        end.Parameters.AddWithValue("job", jobId);
        end.Parameters.AddWithValue("jobType", JobType);
        end.Parameters.AddWithValue("eventType", eventType);
        foreach (var (name, value) in parameters)
        {
            end.Parameters.AddWithValue(name, value);
        }

        JobCost? cost = null;
        var listened = false;
        var changed = await end.ReadFirstRowAsync(reader =>
        {
            cost = JobCostColumns.Read(reader);
            listened = !reader.IsDBNull(reader.GetOrdinal("listened")) && reader.GetBoolean("listened");
        }, cancellationToken);
        return (changed > 0, cost, listened);
    }

    /// <summary>Commits the transaction a batch began itself (the connection has no <see cref="MySqlTransaction"/> for it).</summary>
    private static async Task CommitAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("COMMIT", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
