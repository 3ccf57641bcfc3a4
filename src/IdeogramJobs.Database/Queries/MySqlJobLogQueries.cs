using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Queries;

/// <summary>
/// <see cref="IJobLogQueries"/> on ssnews_system_logs by its job_id index, checked against the job's
/// account in the same round trip. The newest <see cref="MaxLines"/> lines at most, so a job that
/// retried for days cannot make an answer unbounded.
/// </summary>
public sealed class MySqlJobLogQueries(C360ReqDatabase database) : IJobLogQueries
{
    public const int MaxLines = 500;

    public async Task<IReadOnlyList<JobLogLine>?> ListAsync(string accountId, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand("""
            SELECT COUNT(*) FROM ssnews_jobs WHERE job_id = @job AND account_id = @account;
            SELECT l.log_id, l.timestamp, l.level, l.message
            FROM ssnews_system_logs l
            JOIN ssnews_jobs j ON j.job_id = l.job_id AND j.account_id = @account
            WHERE l.job_id = @job
            ORDER BY l.log_id DESC
            LIMIT @limit
            """, connection);
        select.Parameters.AddWithValue("job", jobId);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("limit", MaxLines);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetInt64(0) == 0)
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken);
        var lines = new List<JobLogLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new JobLogLine
            {
                At = reader.GetUtcDateTime("timestamp"),
                Level = reader.GetString("level"),
                Message = reader.GetString("message"),
            });
        }

        lines.Reverse();
        return lines;
    }
}
