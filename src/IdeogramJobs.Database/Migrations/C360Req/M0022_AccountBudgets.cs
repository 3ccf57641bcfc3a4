using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Per-account monthly budgets in USD with a soft threshold (ssnews_account_budgets; no row, or a NULL
/// budget, means no budget), and the threshold alerts raised, unique per account, month and threshold
/// so each is raised once however many silos race to raise it (ssnews_budget_alerts).
/// </summary>
[Migration(22, "Account budgets: ssnews_account_budgets and ssnews_budget_alerts")]
public sealed class M0022_AccountBudgets : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            schema.Execute("""
                CREATE TABLE IF NOT EXISTS ssnews_account_budgets (
                    account_id VARCHAR(64) NOT NULL PRIMARY KEY,
                    monthly_budget_usd DECIMAL(12,2) NULL,
                    threshold_percent INT NOT NULL DEFAULT 80,
                    updated_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3))
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
                """);
            schema.Execute("""
                CREATE TABLE IF NOT EXISTS ssnews_budget_alerts (
                    alert_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    account_id VARCHAR(64) NOT NULL,
                    month CHAR(7) CHARACTER SET ascii NOT NULL,
                    threshold_percent INT NOT NULL,
                    budget_usd DECIMAL(12,2) NOT NULL,
                    committed_usd DECIMAL(12,4) NOT NULL,
                    job_id INT NULL,
                    raised_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
                    UNIQUE KEY uq_budget_alerts_account_month_threshold (account_id, month, threshold_percent)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
                """);
        });
}
