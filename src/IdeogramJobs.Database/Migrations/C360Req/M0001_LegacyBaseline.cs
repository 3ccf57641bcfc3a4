using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(1, "Create the older content system's c360req tables where they are missing")]
public sealed class M0001_LegacyBaseline() : ScriptMigration("c360req/0001-legacy-baseline.sql");
