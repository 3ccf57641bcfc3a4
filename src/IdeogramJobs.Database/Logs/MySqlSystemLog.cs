using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Logs;

/// <summary><see cref="ISystemLog"/> on ssnews_system_logs, the table the older system logs its jobs to.</summary>
public sealed class MySqlSystemLog(C360ReqDatabase database) : ISystemLog
{
    public const string Source = "ideogram-jobs";

    public async Task WriteAsync(SystemLogLevel level, string message, long? jobId, string? accountId, string? metadataJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var insert = new MySqlCommand("""
            INSERT INTO ssnews_system_logs (level, message, source, metadata, job_id, account_id)
            VALUES (@level, @message, @source, @metadata, @job, @account)
            """, connection);
        insert.Parameters.AddWithValue("level", level.ToString().ToLowerInvariant());
        insert.Parameters.AddWithValue("message", ColumnText.Cut(message, ColumnText.TextChars));
        insert.Parameters.AddWithValue("source", Source);
        insert.Parameters.AddWithValue("metadata", metadataJson);
        insert.Parameters.AddWithValue("job", jobId);
        insert.Parameters.AddWithValue("account", accountId);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
