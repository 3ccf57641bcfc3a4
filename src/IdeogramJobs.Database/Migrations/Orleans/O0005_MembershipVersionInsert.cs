using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.Orleans;

[Migration(5, "Orleans membership: silos starting together create the cluster's version row without deadlocking")]
public sealed class O0005_MembershipVersionInsert() : ScriptMigration("orleans/05-membership-version-insert.sql");
