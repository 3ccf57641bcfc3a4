using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Gives API keys a role. Written in C# because MySQL 8 has no ADD COLUMN IF NOT EXISTS, and the
/// column must be added only when absent. Keys issued before it become 'user' keys.
/// </summary>
[Migration(11, "ssnews_api_keys.role: what a key may do (user or admin)")]
public sealed class M0011_ApiKeyRoles : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            if (!schema.HasColumn("ssnews_api_keys", "role"))
            {
                schema.Execute("ALTER TABLE ssnews_api_keys ADD COLUMN role ENUM('user','admin') NOT NULL DEFAULT 'user' AFTER key_hash");
            }
        });
}
