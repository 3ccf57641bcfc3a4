using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Widens ssnews_jobs.job_type with the service's own value. Written in C# because the ENUM must
/// be re-declared with whatever values the live table already has, which only information_schema knows.
/// </summary>
[Migration(4, "ssnews_jobs.job_type gains 'image_generation', keeping every existing value")]
public sealed class M0004_ImageGenerationJobType : ForwardOnlyMigration
{
    public const string ImageGenerationJobType = "image_generation";

    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            var widen = schema.ReadEnum("ssnews_jobs", "job_type").WidenTo(ImageGenerationJobType);
            if (widen is not null)
            {
                schema.Execute(widen);
            }

            // The account grain rebuilds its queue with this filter whenever it activates.
            if (!schema.HasIndex("ssnews_jobs", "idx_jobs_account_type_status"))
            {
                schema.Execute("ALTER TABLE ssnews_jobs ADD INDEX idx_jobs_account_type_status (account_id, job_type, status)");
            }
        });
}
