using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// What the engine needs to keep its promises across silos: the attempt that owns a job row (every
/// write of an attempt is conditional on its token), when a dispatched job first asked for Ideogram
/// capacity (the fair order, and the account's concurrency count, survive restarts), a retry's
/// backoff, attempts cut off by our own infrastructure (a separate bound from retry_count), and how
/// long an abandoned provider call may still hold Ideogram's in-flight places. Plus the provider's
/// answer per job, kept the moment it arrives, so a failure after it never pays for a second
/// generation, and a fingerprint of the request an idempotency key was first used with.
/// Only additions, each made only when absent: the older system's workers read none of them.
/// </summary>
[Migration(13, "ssnews_jobs attempt ownership, backoff and dispatch columns; ssnews_job_generations; idempotency request fingerprint")]
public sealed class M0013_JobAttempts : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            const string jobs = "ssnews_jobs";

            AddColumn(schema, jobs, "attempt_token", "CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL");
            AddColumn(schema, jobs, "attempt_deadline", "DATETIME(3) NULL");
            AddColumn(schema, jobs, "dispatched_at", "DATETIME(3) NULL");
            AddColumn(schema, jobs, "next_attempt_at", "DATETIME(3) NULL");
            AddColumn(schema, jobs, "interruptions", "INT NOT NULL DEFAULT 0");
            AddColumn(schema, jobs, "provider_busy_until", "DATETIME(3) NULL");

            // The capacity grain's scan at activation: attempts under way and jobs waiting for capacity.
            if (!schema.HasIndex(jobs, "idx_jobs_type_status_dispatched"))
            {
                schema.Execute($"ALTER TABLE {jobs} ADD INDEX idx_jobs_type_status_dispatched (job_type, status, dispatched_at)");
            }

            schema.Execute("""
                CREATE TABLE IF NOT EXISTS ssnews_job_generations (
                    job_id INT NOT NULL PRIMARY KEY,
                    attempt_token CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                    provider_created DATETIME(3) NOT NULL,
                    images JSON NOT NULL,
                    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
                    CONSTRAINT fk_job_generations_job FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE CASCADE
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
                """);

            AddColumn(schema, "ssnews_job_idempotency_keys", "request_sha256", "CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL");
        });

    private static void AddColumn(LiveSchema schema, string table, string column, string definition)
    {
        if (!schema.HasColumn(table, column))
        {
            schema.Execute($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
        }
    }
}
