using System.Diagnostics;
using IdeogramJobs.Database.Migrations.C360Req;
using IdeogramJobs.Testing;
using MySqlConnector;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// The floor under orchestration throughput: the durable row writes one job needs, issued directly
/// with MySqlConnector into a fresh database of its own, each step on a pooled connection as the
/// service's stores do: job and settings inserted in one transaction, the processing update, one
/// image row, the completion update.
/// </summary>
public static class RawWriteBaseline
{
    private const string AccountId = "bench-baseline";

    /// <summary>
    /// Runs <paramref name="jobs"/> jobs' writes with <paramref name="concurrency"/> writers on the MariaDB
    /// server <paramref name="databaseServerUrl"/> names; returns the elapsed time.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(string databaseServerUrl, int jobs, int concurrency, CancellationToken cancellationToken)
    {
        var database = new TestDatabase(databaseServerUrl);
        await database.InitializeAsync();
        try
        {
            await database.MigrateAsync();
            var configId = await CreateConfigurationAsync(database);
            var next = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= jobs)
                {
                    await WriteOneJobAsync(database.ConnectionString, configId, cancellationToken);
                }
            }));
            return clock.Elapsed;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<long> CreateConfigurationAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var insert = new MySqlCommand("""
            INSERT INTO ssnews_job_configurations (account_id, job_type_name, display_name, default_settings, ui_schema)
            VALUES (@account, 'blog_header', 'Blog Header Images', '{"numImages":1}', '{"fields":[]}')
            """, connection);
        insert.Parameters.AddWithValue("account", AccountId);
        await insert.ExecuteNonQueryAsync();
        return insert.LastInsertedId;
    }

    private static async Task WriteOneJobAsync(string connectionString, long configId, CancellationToken cancellationToken)
    {
        long jobId;
        await using (var connection = new MySqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var job = new MySqlCommand("""
                INSERT INTO ssnews_jobs (organization_id, account_id, job_type, status, priority, payload, max_retries, created_by, created_at)
                VALUES ('bench-org', @account, @jobType, 'queued', 0, @payload, 2, 'bench', UTC_TIMESTAMP())
                """, connection, transaction))
            {
                job.Parameters.AddWithValue("account", AccountId);
                job.Parameters.AddWithValue("jobType", M0004_ImageGenerationJobType.ImageGenerationJobType);
                job.Parameters.AddWithValue("payload", """{"prompt":"benchmark header","jobTypeName":"blog_header","configId":1}""");
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
        }

        await ExecuteAsync(connectionString, """
            UPDATE ssnews_jobs SET status = 'processing', worker_id = 'bench', started_at = COALESCE(started_at, UTC_TIMESTAMP()),
                progress_details = 'generating'
            WHERE job_id = @job AND status IN ('queued', 'processing')
            """, jobId, cancellationToken);
        await ExecuteAsync(connectionString, """
            INSERT INTO ssnews_image_assets
                (account_id, associated_content_type, associated_content_id, source_api, source_image_id_external,
                 sirv_cdn_url, alt_text_suggestion_ai, status, generation_metadata, job_id, image_index)
            VALUES (@account, @contentType, @job, 'ideogram', CONCAT('bench/', @job, '/0.png'),
                CONCAT('http://127.0.0.1/media/bench/', @job, '/0.png'), 'benchmark header', 'pending_review',
                '{"seed":1,"resolution":"1312x736"}', @job, 0)
            """, jobId, cancellationToken);
        await ExecuteAsync(connectionString, """
            UPDATE ssnews_jobs SET status = 'completed', results = '{"images":1}', completed_at = UTC_TIMESTAMP(),
                progress_percentage = 100, error_message = NULL
            WHERE job_id = @job AND status = 'processing'
            """, jobId, cancellationToken);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("account", AccountId);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("contentType", M0005_ImageAssetsJobLink.JobContentType);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
