using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(25, "Organisations' own Ideogram keys (encrypted), their in-flight limits and refusals: ideogram_organization_keys")]
public sealed class M0025_OrganisationIdeogramKeys() : ScriptMigration("c360req/0025-organisation-ideogram-keys.sql");
