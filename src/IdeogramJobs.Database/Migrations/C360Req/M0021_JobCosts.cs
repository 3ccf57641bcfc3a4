using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// What jobs cost in USD. On ssnews_jobs: the price of one image and the estimate when the job was
/// accepted (what a budget reserves), what its delivered images cost once it completed, and the sum
/// of every generation Ideogram answered for it. ssnews_job_billings holds one row per answered
/// generation with when it was billed, so a month's spend is a sum over a range, whatever month the
/// job was created in; it has no foreign key on purpose, so retention deleting an old job does not
/// take back this month's spend. Only additions, each made only when absent.
/// </summary>
[Migration(21, "Job costs: ssnews_jobs unit_price_usd, estimate_usd, cost_usd, billed_usd; ssnews_job_billings")]
public sealed class M0021_JobCosts : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            const string jobs = "ssnews_jobs";
            foreach (var column in new[] { "unit_price_usd", "estimate_usd", "cost_usd", "billed_usd" })
            {
                if (!schema.HasColumn(jobs, column))
                {
                    schema.Execute($"ALTER TABLE {jobs} ADD COLUMN {column} DECIMAL(10,4) NULL");
                }
            }

            schema.Execute("""
                CREATE TABLE IF NOT EXISTS ssnews_job_billings (
                    billing_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    job_id INT NOT NULL,
                    account_id VARCHAR(64) NOT NULL,
                    images INT NOT NULL,
                    amount_usd DECIMAL(10,4) NOT NULL,
                    billed_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
                    KEY idx_job_billings_account_billed (account_id, billed_at),
                    KEY idx_job_billings_job (job_id)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
                """);
        });
}
