using FluentMigrator;
using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Links each generated image to its job and gives it generation metadata and a review status.
/// Written in C# because the live table exists in two states: the newer one with <c>status</c>
/// and <c>generation_metadata</c>, the older one with the BOOLEAN <c>is_approved_human</c> instead.
/// Nothing existing is changed: columns are added only when absent, and the ENUM of associated
/// content types is widened with a value of our own.
/// </summary>
[Migration(5, "ssnews_image_assets: job link, image index, generation metadata and status")]
public sealed class M0005_ImageAssetsJobLink : ForwardOnlyMigration
{
    public const string JobContentType = "ideogram_job";

    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            var schema = new LiveSchema(connection, transaction);
            const string table = "ssnews_image_assets";

            var widen = schema.ReadEnum(table, "associated_content_type").WidenTo(JobContentType);
            if (widen is not null)
            {
                schema.Execute(widen);
            }

            if (!schema.HasColumn(table, "generation_metadata"))
            {
                schema.Execute($"ALTER TABLE {table} ADD COLUMN generation_metadata JSON NULL");
            }

            if (!schema.HasColumn(table, "status"))
            {
                schema.Execute($"ALTER TABLE {table} ADD COLUMN status ENUM('pending_review','approved','rejected','archived') NOT NULL DEFAULT 'pending_review'");
                if (schema.HasColumn(table, "is_approved_human"))
                {
                    // The older system's own later migration carried approvals over the same way.
                    schema.Execute($"UPDATE {table} SET status = 'approved' WHERE is_approved_human = 1");
                }
            }

            if (!schema.HasColumn(table, "job_id"))
            {
                schema.Execute($"ALTER TABLE {table} ADD COLUMN job_id INT NULL, ADD COLUMN image_index INT NULL");
            }

            // One row per (job, image): a job resumed after a crash cannot record an image twice.
            if (!schema.HasIndex(table, "uq_image_assets_job_image"))
            {
                schema.Execute($"ALTER TABLE {table} ADD UNIQUE INDEX uq_image_assets_job_image (job_id, image_index)");
            }

            if (!schema.HasIndex(table, "idx_image_assets_account_created"))
            {
                schema.Execute($"ALTER TABLE {table} ADD INDEX idx_image_assets_account_created (account_id, created_at)");
            }

            if (!schema.HasForeignKey(table, "fk_image_assets_job"))
            {
                schema.Execute($"ALTER TABLE {table} ADD CONSTRAINT fk_image_assets_job FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE SET NULL");
            }
        });
}
