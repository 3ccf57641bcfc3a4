using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(7, "Per-account admission limits: ssnews_account_job_limits")]
public sealed class M0007_AccountJobLimits() : ScriptMigration("c360req/0007-account-job-limits.sql");
