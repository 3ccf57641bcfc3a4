using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(6, "Hashed API keys per account: ssnews_api_keys")]
public sealed class M0006_ApiKeys() : ScriptMigration("c360req/0006-api-keys.sql");
