using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

[Migration(2, "Orleans membership tables and queries")]
public sealed class O0002_Clustering() : ScriptMigration("orleans/02-clustering.sql");
