using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(23, "Signed webhooks: ideogram_webhook_endpoints and the delivery outbox ideogram_webhook_deliveries")]
public sealed class M0023_Webhooks() : ScriptMigration("c360req/0023-webhooks.sql");
