using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

// No grain storage provider is configured any more (grains keep their state in the c360req tables), but the
// migration stays: migrations only add, and live databases already have the OrleansStorage table.
[Migration(3, "Orleans grain storage table, procedures and queries")]
public sealed class O0003_GrainStorage() : ScriptMigration("orleans/03-grain-storage.sql");
