using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

[Migration(6, "Orleans grain storage: a primary key, which MySQL with sql_require_primary_key=ON demands")]
public sealed class O0006_StoragePrimaryKey() : ScriptMigration("orleans/06-storage-primary-key.sql");
