using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(12, "Style reference images submitted with a job: ssnews_job_style_references")]
public sealed class M0012_JobStyleReferences() : ScriptMigration("c360req/0012-job-style-references.sql");
