using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Images;

/// <summary>
/// <see cref="IImageFileRecords"/> on ssnews_image_assets. The rows are read newest first by image_id in
/// batches and the read stops at the first batch reaching rows older than asked: created_at has no index
/// of its own, while image_id grows with it (both are taken as the row is inserted).
/// </summary>
public sealed class MySqlImageFileRecords(C360ReqDatabase database) : IImageFileRecords
{
    private const int BatchSize = 500;

    public async Task<IReadOnlyList<ImageFileRow>> ListRecordedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var rows = new List<ImageFileRow>();
        long? before = null;
        while (true)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var select = new MySqlCommand("""
                SELECT i.image_id, i.account_id, i.job_id, i.image_index, i.source_image_id_external, i.sirv_cdn_url, i.created_at,
                       JSON_VALUE(i.generation_metadata, '$.sizeBytes') AS size_bytes,
                       JSON_VALUE(i.generation_metadata, '$.sha256') AS sha256,
                       JSON_VALUE(i.generation_metadata, '$.fileLostAt') AS file_lost_at,
                       JSON_VALUE(g.images, CONCAT('$[', i.image_index, '].url')) AS provider_url
                FROM ssnews_image_assets i
                LEFT JOIN ssnews_job_generations g ON g.job_id = i.job_id
                WHERE (@before IS NULL OR i.image_id < @before)
                ORDER BY i.image_id DESC
                LIMIT @batch
                """, connection);
            select.Parameters.AddWithValue("before", before);
            select.Parameters.AddWithValue("batch", BatchSize);

            var read = 0;
            var reachedOlder = false;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    read++;
                    before = reader.GetInt64("image_id");
                    if (reader.GetDateTime("created_at") < sinceUtc)
                    {
                        reachedOlder = true;
                        continue;
                    }

                    if (reader.IsDBNull(reader.GetOrdinal("job_id"))
                        || reader.GetNullableString("source_image_id_external") is not { Length: > 1 } path
                        || !reader.GetString("sirv_cdn_url").Contains("/media/", StringComparison.Ordinal)
                        || !reader.IsDBNull(reader.GetOrdinal("file_lost_at")))
                    {
                        continue;
                    }

                    rows.Add(new ImageFileRow(
                        before.Value,
                        reader.GetString("account_id"),
                        reader.GetInt64("job_id"),
                        reader.GetInt32("image_index"),
                        path,
                        long.TryParse(reader.GetNullableString("size_bytes"), out var size) ? size : null,
                        reader.GetNullableString("sha256"),
                        reader.GetNullableString("provider_url")));
                }
            }

            if (read < BatchSize || reachedOlder)
            {
                return rows;
            }
        }
    }

    public async Task MarkFileLostAsync(long imageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand("""
            UPDATE ssnews_image_assets
            SET generation_metadata = JSON_SET(COALESCE(generation_metadata, '{}'), '$.fileLostAt', DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%fZ'))
            WHERE image_id = @image
            """, connection);
        update.Parameters.AddWithValue("image", imageId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
