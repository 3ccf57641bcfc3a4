using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>Reading what a batch of statements sent in one round trip selected.</summary>
public static class BatchResults
{
    /// <summary>
    /// The first column of the first row any statement of the batch selected (the statements before it, such as
    /// an INSERT, answer without rows); null when none selected a row.
    /// </summary>
    public static async Task<object?> FirstSelectedValueAsync(this MySqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            if (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
            {
                return reader.GetValue(0);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return null;
    }
}
