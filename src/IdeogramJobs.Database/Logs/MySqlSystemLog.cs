using System.Text;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Logs;

/// <summary>
/// <see cref="ISystemLog"/> on ssnews_system_logs, the table the older system logs its jobs to.
/// Lines written at the same moment share one multi-row INSERT (group commit): a line waits only
/// for the batch already in flight and then goes with every line queued behind it, so under load
/// the table takes one statement per batch instead of one per line. A completed write is in the table.
/// </summary>
public sealed class MySqlSystemLog(C360ReqDatabase database) : ISystemLog
{
    public const string Source = "ideogram-jobs";

    /// <summary>Bounds one statement well under max_allowed_packet, however long the messages.</summary>
    private const int MaxBatchLines = 200;
    private const int MaxBatchChars = 1_000_000;

    private readonly Lock sync = new();
    private readonly Queue<PendingLine> queued = new();
    private bool flushing;

    public Task WriteAsync(SystemLogLevel level, string message, long? jobId, string? accountId, string? metadataJson, CancellationToken cancellationToken)
    {
        var line = new PendingLine(level.ToString().ToLowerInvariant(), ColumnText.Cut(message, ColumnText.TextChars), metadataJson, jobId, accountId);
        bool startFlushing;
        lock (sync)
        {
            queued.Enqueue(line);
            startFlushing = !flushing;
            flushing = true;
        }

        if (startFlushing)
        {
            // Off the caller's scheduler (a grain's): the flushing outlives the call that started it.
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        return line.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync()
    {
        while (TakeBatch() is { Count: > 0 } batch)
        {
            try
            {
                await InsertAsync(batch);
                batch.ForEach(line => line.Written.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(line => line.Written.TrySetException(e));
            }
        }
    }

    /// <summary>The next lines to write, or none (and flushing stops) when the queue is empty.</summary>
    private List<PendingLine> TakeBatch()
    {
        lock (sync)
        {
            var batch = new List<PendingLine>();
            var chars = 0;
            while (batch.Count < MaxBatchLines && queued.TryPeek(out var next) && (batch.Count == 0 || chars + next.Message.Length <= MaxBatchChars))
            {
                batch.Add(queued.Dequeue());
                chars += next.Message.Length;
            }

            flushing = batch.Count > 0;
            return batch;
        }
    }

    private async Task InsertAsync(IReadOnlyList<PendingLine> batch)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var insert = new MySqlCommand { Connection = connection };
        var sql = new StringBuilder("INSERT INTO ssnews_system_logs (level, message, source, metadata, job_id, account_id) VALUES ");
        for (var i = 0; i < batch.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append($"(@level{i}, @message{i}, @source, @metadata{i}, @job{i}, @account{i})");
            insert.Parameters.AddWithValue($"level{i}", batch[i].Level);
            insert.Parameters.AddWithValue($"message{i}", batch[i].Message);
            insert.Parameters.AddWithValue($"metadata{i}", batch[i].MetadataJson);
            insert.Parameters.AddWithValue($"job{i}", batch[i].JobId);
            insert.Parameters.AddWithValue($"account{i}", batch[i].AccountId);
        }

        insert.Parameters.AddWithValue("source", Source);
        insert.CommandText = sql.ToString();
        await insert.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private sealed record PendingLine(string Level, string Message, string? MetadataJson, long? JobId, string? AccountId)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
