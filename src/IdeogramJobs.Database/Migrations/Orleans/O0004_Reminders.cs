using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

[Migration(4, "Orleans reminders table and queries")]
public sealed class O0004_Reminders() : ScriptMigration("orleans/04-reminders.sql");
