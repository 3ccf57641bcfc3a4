using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(3, "Overrides and final settings per job: ssnews_job_execution_settings")]
public sealed class M0003_JobExecutionSettings() : ScriptMigration("c360req/0003-job-execution-settings.sql");
