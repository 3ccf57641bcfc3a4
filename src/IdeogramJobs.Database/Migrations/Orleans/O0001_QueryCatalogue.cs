using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

[Migration(1, "Orleans query catalogue")]
public sealed class O0001_QueryCatalogue() : ScriptMigration("orleans/01-query-catalogue.sql");
