using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>Reading what a batch of statements sent in one round trip selected.</summary>
public static class BatchResults
{
    /// <summary>
    /// The first column of the first row any statement of the batch selected (the statements before it, such as
    /// an INSERT, answer without rows); null when none selected a row. The batch is read to its end, so a
    /// statement after the SELECT that fails is raised here rather than lost when the reader is disposed.
    /// </summary>
    public static async Task<object?> FirstSelectedValueAsync(this MySqlCommand command, CancellationToken cancellationToken)
    {
        object? first = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            if (first is null && reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
            {
                first = reader.GetValue(0);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return first;
    }
}
