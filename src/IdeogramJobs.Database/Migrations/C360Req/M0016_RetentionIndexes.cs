using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Indexes that let the retention sweep find an account's old rows by time instead of walking all of
/// them, so each of its small batches is a short range read. Added only when absent.
/// </summary>
[Migration(16, "Retention indexes on image assets, system logs and idempotency keys")]
public sealed class M0016_RetentionIndexes : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            AddIndex(schema, "ssnews_image_assets", "idx_image_assets_account_status_created", "account_id, status, created_at");
            AddIndex(schema, "ssnews_system_logs", "idx_system_logs_account_timestamp", "account_id, timestamp");
            AddIndex(schema, "ssnews_job_idempotency_keys", "idx_job_idempotency_keys_account_created", "account_id, created_at");
        });

    private static void AddIndex(LiveSchema schema, string table, string index, string columns)
    {
        if (!schema.HasIndex(table, index))
        {
            schema.Execute($"ALTER TABLE {table} ADD INDEX {index} ({columns})");
        }
    }
}
