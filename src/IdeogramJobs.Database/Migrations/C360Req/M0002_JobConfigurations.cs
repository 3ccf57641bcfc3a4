using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(2, "Job types per account: ssnews_job_configurations")]
public sealed class M0002_JobConfigurations() : ScriptMigration("c360req/0002-job-configurations.sql");
