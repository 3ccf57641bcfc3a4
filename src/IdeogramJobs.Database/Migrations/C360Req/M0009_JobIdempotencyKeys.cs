using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(9, "Idempotency keys of job submissions: ssnews_job_idempotency_keys")]
public sealed class M0009_JobIdempotencyKeys() : ScriptMigration("c360req/0009-job-idempotency-keys.sql");
