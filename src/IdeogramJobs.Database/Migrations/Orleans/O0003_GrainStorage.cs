using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

[Migration(3, "Orleans grain storage table, procedures and queries")]
public sealed class O0003_GrainStorage() : ScriptMigration("orleans/03-grain-storage.sql");
