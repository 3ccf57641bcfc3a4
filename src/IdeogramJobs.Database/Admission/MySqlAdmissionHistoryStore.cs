using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Admission;

/// <summary>
/// <see cref="IAdmissionHistoryStore"/> in one SELECT over the account's image jobs of the last 24 hours
/// (a range of idx_jobs_account_type_created), with conditional sums for the shorter windows. Every job
/// this service creates was admitted first, whatever became of it since, so status does not matter.
/// created_at holds whole seconds, cut down from the moment of insertion, so each window starts at the
/// whole second at or before its exact start: a job is never left out early, at worst counted up to a
/// second longer, which is the safe side for a limit.
/// </summary>
public sealed class MySqlAdmissionHistoryStore(C360ReqDatabase database) : IAdmissionHistoryStore
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<AdmissionHistory> ReadAsync(string accountId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var now = asOf.UtcDateTime;

        // Today's midnight is never before the 24-hour window starts, so that window bounds the scan.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT COALESCE(SUM(CASE WHEN a.created_at >= @minuteStart THEN 1 ELSE 0 END), 0) AS jobs_last_minute,
                   COALESCE(SUM(CASE WHEN a.created_at >= @minuteStart THEN a.images ELSE 0 END), 0) AS images_last_minute,
                   COUNT(*) AS jobs_last_day,
                   COALESCE(SUM(a.images), 0) AS images_last_day,
                   COALESCE(SUM(CASE WHEN a.created_at >= @midnight THEN a.images ELSE 0 END), 0) AS images_since_midnight
            FROM (
                SELECT j.created_at,
                       COALESCE((SELECT CAST(JSON_EXTRACT(s.final_settings, '$.numImages') AS SIGNED)
                                 FROM ssnews_job_execution_settings s
                                 WHERE s.job_id = j.job_id ORDER BY s.execution_id LIMIT 1), 1) AS images
                FROM ssnews_jobs j
                WHERE j.account_id = @account AND j.job_type = @jobType AND j.created_at >= @dayStart
            ) AS a
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("minuteStart", WholeSecond(now - Minute));
        select.Parameters.AddWithValue("dayStart", WholeSecond(now - Day));
        select.Parameters.AddWithValue("midnight", now.Date);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AdmissionHistory(
            asOf,
            Convert.ToInt32(reader.GetValue(reader.GetOrdinal("jobs_last_minute"))),
            Convert.ToInt32(reader.GetValue(reader.GetOrdinal("images_last_minute"))),
            Convert.ToInt32(reader.GetValue(reader.GetOrdinal("jobs_last_day"))),
            Convert.ToInt32(reader.GetValue(reader.GetOrdinal("images_last_day"))),
            Convert.ToInt32(reader.GetValue(reader.GetOrdinal("images_since_midnight"))));
    }

    private static DateTime WholeSecond(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
