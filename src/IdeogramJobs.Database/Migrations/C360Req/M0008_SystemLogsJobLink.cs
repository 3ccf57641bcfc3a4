using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Older databases have ssnews_system_logs without the job and account columns that the older
/// system's runtime migrations add later; job logging needs them, so they are added when absent.
/// </summary>
[Migration(8, "ssnews_system_logs: job_id and account_id where the table predates them")]
public sealed class M0008_SystemLogsJobLink : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            const string table = "ssnews_system_logs";

            if (!schema.HasColumn(table, "job_id"))
            {
                schema.Execute($"ALTER TABLE {table} ADD COLUMN job_id INT NULL, ADD INDEX idx_job_id (job_id)");
                schema.Execute($"ALTER TABLE {table} ADD CONSTRAINT fk_system_logs_job FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE CASCADE");
            }

            if (!schema.HasColumn(table, "account_id"))
            {
                schema.Execute($"ALTER TABLE {table} ADD COLUMN account_id VARCHAR(64) NULL, ADD INDEX idx_account_id (account_id)");
            }
        });
}
