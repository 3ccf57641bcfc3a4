using System.Globalization;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests;

/// <summary>
/// Image jobs and their images written the way the service writes them (through the job and image
/// stores), then given the times and outcomes a test needs with plain SQL.
/// </summary>
public sealed class ImageJobRows(StoreTestDatabase database)
{
    private readonly MySqlImageAssetStore images = new(database.Connections);

    public async Task<long> CreateJobAsync(string accountId, string jobTypeName, string prompt = "A lighthouse at dusk", int priority = 0)
    {
        var jobs = new MySqlJobStore(database.Connections, images);
        return await jobs.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, jobTypeName),
            JobTypeName = jobTypeName,
            Prompt = prompt,
            Priority = priority,
            FinalSettings = new JobSettings { StyleType = "GENERAL", NumImages = 2 },
        }, CancellationToken.None);
    }

    /// <summary>Sets the job's status, times and retries as if it had run then.</summary>
    public Task SetJobAsync(long jobId, string status, DateTime createdAt, DateTime? startedAt = null, DateTime? completedAt = null, int retries = 0) =>
        database.Database.ExecuteAsync($"""
            UPDATE ssnews_jobs
            SET status = '{status}', created_at = {Sql(createdAt)}, started_at = {Sql(startedAt)},
                completed_at = {Sql(completedAt)}, retry_count = {retries}
            WHERE job_id = {jobId}
            """);

    public Task SetJobCreatedAtAsync(long jobId, DateTime createdAt) =>
        database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET created_at = {Sql(createdAt)} WHERE job_id = {jobId}");

    public async Task<long> AddImageAsync(string accountId, long jobId, int index) =>
        (await images.RecordAsync(new NewImageAsset
        {
            AccountId = accountId,
            JobId = jobId,
            Index = index,
            Url = $"https://cdn.example/{jobId}/{index}.png",
            StoragePath = $"/ideogram/{jobId}/{index}.png",
            Prompt = $"Image {index} of job {jobId}",
            Seed = 1000 + index,
            Resolution = "1024x1024",
            StyleType = "GENERAL",
            Generation = Generations.Example,
        }, CancellationToken.None))!.Value;

    /// <summary>Replaces an image's generation_metadata, as a row written by an earlier version would have it.</summary>
    public Task SetGenerationMetadataAsync(long imageId, string json) =>
        database.Database.ExecuteAsync($"UPDATE ssnews_image_assets SET generation_metadata = '{json.Replace("'", "''", StringComparison.Ordinal)}' WHERE image_id = {imageId}");

    public Task SetImageCreatedAtAsync(long imageId, DateTime createdAt) =>
        database.Database.ExecuteAsync($"UPDATE ssnews_image_assets SET created_at = {Sql(createdAt)} WHERE image_id = {imageId}");

    public static string Sql(DateTime? time) =>
        time is { } value ? $"'{value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}'" : "NULL";
}
