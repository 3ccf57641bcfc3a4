using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using IdeogramJobs.Database.Queries;
using MySqlConnector;

namespace IdeogramJobs.Database.Usage;

/// <summary>
/// <see cref="IUsageQueries"/> in one round trip: the range's image jobs (one narrow row each, with
/// its image count and generation time) and its admission rejections counted per limit and hour.
/// Jobs are tallied here because percentiles need every generation time anyway; rejections are
/// counted by the server because a client hammering a limit can leave very many. Periods are UTC
/// days or hours of created_at (jobs) and occurred_at (rejections).
/// </summary>
public sealed class MySqlUsageQueries(C360ReqDatabase database) : IUsageQueries
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;

    public async Task<UsageReport> GetAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        var jobsOfAccount = query.AccountId is null ? string.Empty : "AND j.account_id = @account";
        var rejectionsOfAccount = query.AccountId is null ? string.Empty : "AND r.account_id = @account";

        // Grouping by the SELECT aliases keeps the statement valid under ONLY_FULL_GROUP_BY.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT j.status, j.created_at, j.retry_count,
                   TIMESTAMPDIFF(MICROSECOND, j.started_at, j.completed_at) AS generation_microseconds,
                   {JobTypeNameColumns.Select},
                   (SELECT COUNT(*) FROM ssnews_image_assets i WHERE i.job_id = j.job_id) AS image_count,
                   COALESCE(j.billed_usd, 0) AS billed_usd, COALESCE(j.cost_usd, 0) AS cost_usd
            FROM ssnews_jobs j
            WHERE j.job_type = @jobType AND j.created_at >= @from AND j.created_at < @to {jobsOfAccount};
            SELECT r.limit_name,
                   CAST(DATE_FORMAT(r.occurred_at, '%Y-%m-%d %H:00:00') AS DATETIME) AS hour_start,
                   COUNT(*) AS rejections
            FROM ssnews_job_admission_rejections r
            WHERE r.occurred_at >= @from AND r.occurred_at < @to {rejectionsOfAccount}
            GROUP BY r.limit_name, hour_start;
            """, connection);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("from", query.From);
        select.Parameters.AddWithValue("to", query.To);
        select.Parameters.AddWithValue("account", query.AccountId);

        var totals = new UsageTally();
        var periods = new SortedDictionary<DateTime, UsageTally>();
        UsageTally Period(DateTime time)
        {
            var start = PeriodStart(time, query.Granularity);
            if (!periods.TryGetValue(start, out var tally))
            {
                periods[start] = tally = new UsageTally();
            }

            return tally;
        }

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString("status").ToLowerInvariant();
            var jobTypeName = JobTypeNameColumns.Choose(
                reader.GetNullableString("payload_job_type"), reader.GetNullableString("configuration_job_type"));
            var images = Convert.ToInt32(reader.GetInt64("image_count"));
            var retries = reader.GetNullableInt32("retry_count") ?? 0;
            var ordinal = reader.GetOrdinal("generation_microseconds");
            double? seconds = reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal) / 1e6;

            totals.AddJob(status, jobTypeName, images, retries, seconds);
            Period(reader.GetUtcDateTime("created_at")).AddJob(status, jobTypeName, images, retries, seconds);
            var (billed, cost) = (reader.GetDecimal("billed_usd"), reader.GetDecimal("cost_usd"));
            totals.AddSpend(jobTypeName, billed, cost);
            Period(reader.GetUtcDateTime("created_at")).AddSpend(jobTypeName, billed, cost);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var limit = reader.GetString("limit_name");
            var count = Convert.ToInt32(reader.GetInt64("rejections"));
            totals.AddRejections(limit, count);
            Period(reader.GetUtcDateTime("hour_start")).AddRejections(limit, count);
        }

        return new UsageReport
        {
            Query = query,
            Totals = totals.ToFigures(),
            Periods = [.. periods.Select(p => new UsagePeriod(p.Key, p.Value.ToFigures()))],
        };
    }

    private static DateTime PeriodStart(DateTime time, UsageGranularity granularity) => granularity switch
    {
        UsageGranularity.Day => new DateTime(time.Year, time.Month, time.Day, 0, 0, 0, DateTimeKind.Utc),
        UsageGranularity.Hour => new DateTime(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Not a usage granularity."),
    };
}
