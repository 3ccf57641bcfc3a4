using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Images;

/// <summary>
/// <see cref="IImageAssetStore"/> on ssnews_image_assets. A job's images are linked through the
/// service's own associated_content_type and the job_id / image_index columns, whose unique index
/// makes recording an image again an update of the same row.
/// </summary>
public sealed class MySqlImageAssetStore(C360ReqDatabase database) : IImageAssetStore
{
    private const string ContentType = M0005_ImageAssetsJobLink.JobContentType;
    private const int AltTextChars = 255;

    public async Task<long?> RecordAsync(NewImageAsset image, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // The table has a second unique key, (account_id, sirv_cdn_url). Should a URL collide with
        // another image's row (an older system's, say), the IFs leave that row as it was and the
        // SELECT finds no row of this job and index, so the collision is reported, never applied.
        await using var command = new MySqlCommand("""
            INSERT INTO ssnews_image_assets
                (account_id, associated_content_type, associated_content_id, source_api, source_image_id_external,
                 sirv_cdn_url, alt_text_suggestion_ai, status, generation_metadata, job_id, image_index)
            SELECT @account, @contentType, @job, 'ideogram', @path, @url, @alt, 'pending_review', @metadata, @job, @index
            FROM DUAL
            WHERE @token IS NULL OR EXISTS (SELECT 1 FROM ssnews_jobs WHERE job_id = @job AND attempt_token = @token)
            ON DUPLICATE KEY UPDATE
                sirv_cdn_url = IF(job_id <=> @job AND image_index <=> @index, @url, sirv_cdn_url),
                source_image_id_external = IF(job_id <=> @job AND image_index <=> @index, @path, source_image_id_external),
                generation_metadata = IF(job_id <=> @job AND image_index <=> @index, @metadata, generation_metadata),
                image_id = LAST_INSERT_ID(image_id);
            SELECT (@token IS NULL OR EXISTS (SELECT 1 FROM ssnews_jobs WHERE job_id = @job AND attempt_token = @token)) AS owned,
                   (SELECT image_id FROM ssnews_image_assets WHERE image_id = LAST_INSERT_ID() AND job_id = @job AND image_index = @index) AS image_id;
            """, connection);
        command.Parameters.AddWithValue("token", image.AttemptToken);
        command.Parameters.AddWithValue("account", image.AccountId);
        command.Parameters.AddWithValue("contentType", ContentType);
        command.Parameters.AddWithValue("job", image.JobId);
        command.Parameters.AddWithValue("index", image.Index);
        command.Parameters.AddWithValue("path", image.StoragePath);
        command.Parameters.AddWithValue("url", image.Url);
        command.Parameters.AddWithValue("alt", ColumnText.CutOrNull(image.Prompt, AltTextChars));
        command.Parameters.AddWithValue("metadata", ImageGenerationMetadata.Compose(image));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean("owned"))
        {
            return null;
        }

        return reader.GetNullableInt64("image_id") ?? throw new InvalidOperationException(
            $"Image {image.Index} of job {image.JobId} was not recorded: its URL is already recorded for another image of the account.");
    }

    public async Task<IReadOnlyList<JobImage>> ListForJobAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT image_id, image_index, sirv_cdn_url, source_image_id_external, generation_metadata
            FROM ssnews_image_assets
            WHERE job_id = @job AND associated_content_type = @contentType
            ORDER BY image_index
            """, connection);
        select.Parameters.AddWithValue("job", jobId);
        select.Parameters.AddWithValue("contentType", ContentType);

        var images = new List<JobImage>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            images.Add(ImageGenerationMetadata.Read(
                reader.GetInt64("image_id"),
                reader.GetInt32("image_index"),
                reader.GetString("sirv_cdn_url"),
                reader.GetNullableString("generation_metadata")) with
            { StoragePath = reader.GetNullableString("source_image_id_external") });
        }

        return images;
    }
}
