using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(26, "The Ideogram key each job is pinned to: ideogram_job_keys")]
public sealed class M0026_JobIdeogramKeys() : ScriptMigration("c360req/0026-job-ideogram-keys.sql");
