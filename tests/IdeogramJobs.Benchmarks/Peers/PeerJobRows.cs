using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// The c360req rows a job of ours writes, for a peer engine running the same job: the job and its
/// settings inserted in one transaction, the processing update, the image row, the completion update.
/// The statements are the ones the service's stores issue on the happy path (and
/// <see cref="Scenarios.RawWriteBaseline"/> issues bare), each step on a pooled connection.
/// </summary>
public sealed class PeerJobRows(string connectionString)
{
    // As the service's c360req pool: no reset on reuse, which would add two round trips to every step.
    private readonly string pooled = new MySqlConnectionStringBuilder(connectionString) { ConnectionReset = false }.ConnectionString;

    /// <summary>Inserts an account's job configuration (its blog_header job type); returns its id.</summary>
    public async Task<long> CreateConfigurationAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = new MySqlCommand("""
            INSERT INTO ssnews_job_configurations (account_id, job_type_name, display_name, default_settings, ui_schema)
            VALUES (@account, 'blog_header', 'Blog Header Images', '{"numImages":1}', '{"fields":[]}')
            """, connection);
        insert.Parameters.AddWithValue("account", accountId);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return insert.LastInsertedId;
    }

    /// <summary>The job row and its settings row, in one transaction, as the API writes them on submission; returns the job id.</summary>
    public async Task<long> InsertJobAsync(string accountId, long configId, string prompt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long jobId;
        await using (var job = new MySqlCommand("""
            INSERT INTO ssnews_jobs (organization_id, account_id, job_type, status, priority, payload, max_retries, created_by, created_at)
            VALUES (@organization, @account, @jobType, 'queued', 0, JSON_OBJECT('prompt', @prompt, 'jobTypeName', 'blog_header', 'configId', @config), 2, 'bench', UTC_TIMESTAMP())
            """, connection, transaction))
        {
            job.Parameters.AddWithValue("organization", "org-" + accountId);
            job.Parameters.AddWithValue("account", accountId);
            job.Parameters.AddWithValue("jobType", M0004_ImageGenerationJobType.ImageGenerationJobType);
            job.Parameters.AddWithValue("prompt", prompt);
            job.Parameters.AddWithValue("config", configId);
            await job.ExecuteNonQueryAsync(cancellationToken);
            jobId = job.LastInsertedId;
        }

        await using (var settings = new MySqlCommand("""
            INSERT INTO ssnews_job_execution_settings (job_id, config_id, user_overrides, final_settings, created_at)
            VALUES (@job, @config, '{"numImages":1}', @final, UTC_TIMESTAMP())
            """, connection, transaction))
        {
            settings.Parameters.AddWithValue("job", jobId);
            settings.Parameters.AddWithValue("config", configId);
            settings.Parameters.AddWithValue("final", """{"styleType":"GENERAL","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":1,"negativePrompt":"people, faces, text"}""");
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return jobId;
    }

    public Task MarkProcessingAsync(long jobId, string workerId, CancellationToken cancellationToken) => ExecuteAsync("""
        UPDATE ssnews_jobs SET status = 'processing', worker_id = @worker, started_at = COALESCE(started_at, UTC_TIMESTAMP()),
            progress_details = 'generating'
        WHERE job_id = @job AND status IN ('queued', 'processing')
        """, cancellationToken, ("job", jobId), ("worker", workerId));

    public Task InsertImageAsync(string accountId, long jobId, string storagePath, string url, string prompt, string metadataJson, CancellationToken cancellationToken) => ExecuteAsync("""
        INSERT INTO ssnews_image_assets
            (account_id, associated_content_type, associated_content_id, source_api, source_image_id_external,
             sirv_cdn_url, alt_text_suggestion_ai, status, generation_metadata, job_id, image_index)
        VALUES (@account, @contentType, @job, 'ideogram', @path, @url, @alt, 'pending_review', @metadata, @job, 0)
        """, cancellationToken,
        ("account", accountId), ("contentType", M0005_ImageAssetsJobLink.JobContentType), ("job", jobId),
        ("path", storagePath), ("url", url), ("alt", prompt), ("metadata", metadataJson));

    public Task CompleteAsync(long jobId, CancellationToken cancellationToken) => ExecuteAsync("""
        UPDATE ssnews_jobs SET status = 'completed', results = '{"images":1}', completed_at = UTC_TIMESTAMP(),
            progress_percentage = 100, error_message = NULL
        WHERE job_id = @job AND status = 'processing'
        """, cancellationToken, ("job", jobId));

    public Task FailAsync(long jobId, string error, CancellationToken cancellationToken) => ExecuteAsync("""
        UPDATE ssnews_jobs SET status = 'failed', completed_at = UTC_TIMESTAMP(), error_message = @error
        WHERE job_id = @job
        """, cancellationToken, ("job", jobId), ("error", error.Length > 1000 ? error[..1000] : error));

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(pooled);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
