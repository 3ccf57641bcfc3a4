using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(18, "The character reference image submitted with a job: ssnews_job_character_references")]
public sealed class M0018_JobCharacterReferences() : ScriptMigration("c360req/0018-job-character-references.sql");
