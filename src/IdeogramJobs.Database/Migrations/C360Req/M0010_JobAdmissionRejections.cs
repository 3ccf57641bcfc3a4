using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(10, "Submissions refused by an account's limits: ssnews_job_admission_rejections")]
public sealed class M0010_JobAdmissionRejections() : ScriptMigration("c360req/0010-job-admission-rejections.sql");
