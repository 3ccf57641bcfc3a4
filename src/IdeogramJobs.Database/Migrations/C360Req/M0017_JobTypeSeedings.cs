using FluentMigrator;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Accounts get the default job types on first use, once: ssnews_account_job_type_seedings records
/// that an account was given them, so one that later deletes them all on purpose keeps none. Accounts
/// that already have a job type of their own are recorded as seeded; those without any are seeded when
/// they first list job types or submit a job. The seeded job types still exactly as first seeded also
/// gain style codes and an advanced seed in their forms (<see cref="SeededUiSchemaUpgrade"/>).
/// Only additions and rows nobody edited, so a rerun changes nothing.
/// </summary>
[Migration(17, "ssnews_account_job_type_seedings; untouched seeded job types offer style codes and an advanced seed")]
public sealed class M0017_JobTypeSeedings : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            schema.Execute("""
                CREATE TABLE IF NOT EXISTS ssnews_account_job_type_seedings (
                    account_id VARCHAR(64) NOT NULL PRIMARY KEY,
                    seeded_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3))
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
                """);

            // The direct-generation type is created by the service itself, so it says nothing about whether the account was seeded.
            schema.Execute($"""
                INSERT IGNORE INTO ssnews_account_job_type_seedings (account_id)
                SELECT DISTINCT account_id FROM ssnews_job_configurations WHERE job_type_name <> '{JobTypeNames.DirectGeneration}'
                """);

            SeededUiSchemaUpgrade.Apply(connection, transaction);
        });
}
