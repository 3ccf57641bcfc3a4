using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// An index for an account's image jobs by creation time. The account grain reads the last 24 hours of
/// them whenever it activates, to charge its rate limits with what was admitted before; without this
/// index that read walks either every job the account ever had (idx_jobs_account_type_status) or every
/// account's jobs of the day (idx_created_at). Added only when absent, so a rerun changes nothing.
/// </summary>
[Migration(14, "ssnews_jobs: index (account_id, job_type, created_at) for an account's recent admissions")]
public sealed class M0014_JobsAccountCreatedIndex : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            if (!schema.HasIndex("ssnews_jobs", "idx_jobs_account_type_created"))
            {
                schema.Execute("ALTER TABLE ssnews_jobs ADD INDEX idx_jobs_account_type_created (account_id, job_type, created_at)");
            }
        });
}
