using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Queries;

/// <summary>
/// <see cref="IImageQueries"/> on ssnews_image_assets. An image belongs to an account when the row
/// says so AND its job is an image job of that account: both must hold, so neither a mislabelled
/// row nor another account's job can bring an image into the wrong account's view.
/// </summary>
public sealed class MySqlImageQueries(C360ReqDatabase database) : IImageQueries
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;
    private const int FlagUnknown = 0;
    private const int FlagAbsent = 1;
    private const int FlagPresent = 2;

    private const string SelectImages = $"""
        SELECT i.image_id, i.job_id, i.image_index, i.sirv_cdn_url, i.source_image_id_external, i.status,
               i.generation_metadata, i.created_at, {JobTypeNameColumns.Select}
        FROM ssnews_image_assets i
        JOIN ssnews_jobs j ON j.job_id = i.job_id
        """;

    /// <summary>
    /// Whether the table still has the older system's BOOLEAN is_approved_human: read once per
    /// process: migrations never remove it, and a database gains it only from the older system.
    /// </summary>
    private int approvalFlag = FlagUnknown;

    public async Task<Page<ImageRecord>> ListAsync(string accountId, ImageQuery query, CancellationToken cancellationToken)
    {
        var window = PageWindow.Of(query.Offset, query.Limit);
        var conditions = AccountImages(accountId);
        if (query.JobId is { } jobId)
        {
            conditions.Add("i.job_id = @jobId", ("jobId", jobId));
        }

        if (query.Status is { } status)
        {
            conditions.Add("i.status = @status", ("status", status.ToDatabase()));
        }

        conditions.AddJobTypeNameAndCreatedWithin(query.JobTypeName, "i.created_at", query.From, query.To);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await PagedSelect.ReadAsync(connection, $"""
            SELECT COUNT(*) FROM ssnews_image_assets i JOIN ssnews_jobs j ON j.job_id = i.job_id {conditions.Where};
            {SelectImages} {conditions.Where}
            ORDER BY i.created_at DESC, i.image_id DESC
            LIMIT @limit OFFSET @offset
            """, conditions, window, ReadImagesAsync, cancellationToken);
    }

    public async Task<IReadOnlyList<ImageRecord>> GetAsync(string accountId, IReadOnlyList<long> imageIds, CancellationToken cancellationToken)
    {
        var ids = imageIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var conditions = AccountImages(accountId).AddIn("i.image_id", "image", ids);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"{SelectImages} {conditions.Where}", connection);
        conditions.AddParametersTo(select);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var found = (await ReadImagesAsync(reader, cancellationToken)).ToDictionary(i => i.ImageId);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<IReadOnlyList<long>> SetStatusAsync(string accountId, IReadOnlyList<long> imageIds, ImageStatus status, CancellationToken cancellationToken)
    {
        var ids = imageIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var setApprovalFlag = await HasApprovalFlagAsync(connection, cancellationToken)
            ? ", i.is_approved_human = @approved"
            : string.Empty;
        var conditions = AccountImages(accountId).AddIn("i.image_id", "image", ids);
        await using var update = new MySqlCommand($"""
            UPDATE ssnews_image_assets i JOIN ssnews_jobs j ON j.job_id = i.job_id
            SET i.status = @newStatus{setApprovalFlag}
            {conditions.Where};
            SELECT i.image_id FROM ssnews_image_assets i JOIN ssnews_jobs j ON j.job_id = i.job_id {conditions.Where};
            """, connection);
        conditions.AddParametersTo(update);
        update.Parameters.AddWithValue("newStatus", status.ToDatabase());
        update.Parameters.AddWithValue("approved", status == ImageStatus.Approved);

        var belonging = new HashSet<long>();
        await using var reader = await update.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                belonging.Add(reader.GetInt64(0));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return [.. ids.Where(belonging.Contains)];
    }

    private static SqlConditions AccountImages(string accountId) => new SqlConditions()
        .Add("i.account_id = @account", ("account", accountId))
        .Add("j.account_id = @account")
        .Add("j.job_type = @jobType", ("jobType", JobType));

    private static async Task<List<ImageRecord>> ReadImagesAsync(MySqlDataReader reader, CancellationToken cancellationToken)
    {
        var images = new List<ImageRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var image = new ImageRecord
            {
                ImageId = reader.GetInt64("image_id"),
                JobId = reader.GetInt64("job_id"),
                Index = reader.GetNullableInt32("image_index") ?? 0,
                Url = reader.GetString("sirv_cdn_url"),
                Status = ImageStatusValues.FromDatabase(reader.GetString("status")),
                JobTypeName = JobTypeNameColumns.Choose(
                    reader.GetNullableString("payload_job_type"), reader.GetNullableString("configuration_job_type")),
                // The image store keeps the storage path here too; metadata that names one wins.
                StoragePath = reader.GetNullableString("source_image_id_external"),
                CreatedAt = reader.GetUtcDateTime("created_at"),
            };
            images.Add(ImageGenerationMetadata.Describe(image, reader.GetNullableString("generation_metadata")));
        }

        return images;
    }

    private async Task<bool> HasApprovalFlagAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref approvalFlag);
        if (known != FlagUnknown)
        {
            return known == FlagPresent;
        }

        await using var select = new MySqlCommand("""
            SELECT COUNT(*) FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ssnews_image_assets' AND COLUMN_NAME = 'is_approved_human'
            """, connection);
        var present = Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken)) > 0;
        Volatile.Write(ref approvalFlag, present ? FlagPresent : FlagAbsent);
        return present;
    }
}
