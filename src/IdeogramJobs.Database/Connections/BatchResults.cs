using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>Reading what a batch of statements sent in one round trip selected.</summary>
public static class BatchResults
{
    /// <summary>
    /// Runs the batch and hands the first row any of its statements selects to <paramref name="read"/> (the
    /// statements before it, such as an INSERT, answer without rows; not called when none selects a row). The batch
    /// is read to its end, so a statement after the SELECT that fails is raised here rather than lost when the reader
    /// is disposed. Returns the rows the batch's statements changed.
    /// </summary>
    public static async Task<int> ReadFirstRowAsync(this MySqlCommand command, Action<MySqlDataReader> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var seen = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            if (!seen && reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
            {
                read(reader);
                seen = true;
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return reader.RecordsAffected;
    }

    /// <summary>The first column of the first row any statement of the batch selected; null when none selected a row (see <see cref="ReadFirstRowAsync"/>).</summary>
    public static async Task<object?> FirstSelectedValueAsync(this MySqlCommand command, CancellationToken cancellationToken)
    {
        object? first = null;
        await command.ReadFirstRowAsync(reader => first = reader.GetValue(0), cancellationToken);
        return first;
    }
}
