using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

[Migration(19, "Brand library per account: ideogram_brand_assets and ideogram_brand_images")]
public sealed class M0019_BrandLibrary() : ScriptMigration("c360req/0019-brand-library.sql");
