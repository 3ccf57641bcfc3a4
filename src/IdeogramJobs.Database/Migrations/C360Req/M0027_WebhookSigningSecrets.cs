using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(27, "Jobs' own webhookUrls: each account's default signing secret (ideogram_webhook_signing_secrets) and deliveries without an endpoint")]
public sealed class M0027_WebhookSigningSecrets() : ScriptMigration("c360req/0027-webhook-signing-secrets.sql");
