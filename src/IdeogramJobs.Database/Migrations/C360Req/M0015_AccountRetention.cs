using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// An account's own retention periods where they differ from the service's defaults; a NULL column
/// means the default applies. Created only when absent, so a rerun changes nothing.
/// </summary>
[Migration(15, "Per-account retention overrides: ssnews_account_retention")]
public sealed class M0015_AccountRetention : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) => new LiveSchema(connection, transaction).Execute("""
            CREATE TABLE IF NOT EXISTS ssnews_account_retention (
                account_id VARCHAR(64) NOT NULL PRIMARY KEY,
                rejected_image_days INT NULL,
                job_history_days INT NULL,
                system_log_days INT NULL,
                idempotency_key_hours INT NULL,
                admission_rejection_days INT NULL,
                updated_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3))
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
            """));
}
