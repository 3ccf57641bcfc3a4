using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Queries;

/// <summary>
/// <see cref="IJobQueries"/> on ssnews_jobs: the account's image jobs only (never the older
/// system's job types), newest first. The count and the page come back from one round trip.
/// </summary>
public sealed class MySqlJobQueries(C360ReqDatabase database) : IJobQueries
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;

    public async Task<Page<JobSummary>> ListAsync(string accountId, JobQuery query, CancellationToken cancellationToken)
    {
        var window = PageWindow.Of(query.Offset, query.Limit);
        var conditions = new SqlConditions()
            .Add("j.account_id = @account", ("account", accountId))
            .Add("j.job_type = @jobType", ("jobType", JobType));
        if (query.Status is { } status)
        {
            conditions.Add("j.status = @status", ("status", status.ToDatabase()));
        }

        conditions.AddJobTypeNameAndCreatedWithin(query.JobTypeName, "j.created_at", query.From, query.To);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await PagedSelect.ReadAsync(connection, $"""
            SELECT COUNT(*) FROM ssnews_jobs j {conditions.Where};
            SELECT j.job_id, j.status, j.priority, j.progress_percentage, j.retry_count, j.error_message,
                   j.created_at, j.completed_at,
                   JSON_UNQUOTE(JSON_EXTRACT(j.payload, '$.prompt')) AS prompt,
                   {JobTypeNameColumns.Select},
                   (SELECT COUNT(*) FROM ssnews_image_assets i WHERE i.job_id = j.job_id) AS image_count
            FROM ssnews_jobs j
            {conditions.Where}
            ORDER BY j.created_at DESC, j.job_id DESC
            LIMIT @limit OFFSET @offset
            """, conditions, window, ReadJobsAsync, cancellationToken);
    }

    private static async Task<List<JobSummary>> ReadJobsAsync(MySqlDataReader reader, CancellationToken cancellationToken)
    {
        var jobs = new List<JobSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new JobSummary
            {
                JobId = reader.GetInt64("job_id"),
                Status = JobStatusExtensions.FromDatabase(reader.GetString("status")),
                JobTypeName = JobTypeNameColumns.Choose(
                    reader.GetNullableString("payload_job_type"), reader.GetNullableString("configuration_job_type")),
                Prompt = reader.GetNullableString("prompt") ?? string.Empty,
                Priority = reader.GetNullableInt32("priority") ?? 0,
                ProgressPercentage = reader.GetNullableInt32("progress_percentage") ?? 0,
                RetryCount = reader.GetNullableInt32("retry_count") ?? 0,
                ErrorMessage = reader.GetNullableString("error_message"),
                ImageCount = Convert.ToInt32(reader.GetInt64("image_count")),
                CreatedAt = reader.GetUtcDateTime("created_at"),
                CompletedAt = reader.GetNullableUtcDateTime("completed_at"),
            });
        }

        return jobs;
    }
}
