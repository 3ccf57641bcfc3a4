using MySqlConnector;

namespace IdeogramJobs.Database.Queries;

/// <summary>
/// Runs a listing whose SQL returns the total count, then the window's rows, in one round trip,
/// and turns both into a <see cref="Page{T}"/>.
/// </summary>
internal static class PagedSelect
{
    /// <param name="sql">Two statements: <c>SELECT COUNT(*)</c>, then the rows with <c>LIMIT @limit OFFSET @offset</c>.</param>
    public static async Task<Page<T>> ReadAsync<T>(
        MySqlConnection connection,
        string sql,
        SqlConditions conditions,
        PageWindow window,
        Func<MySqlDataReader, CancellationToken, Task<List<T>>> readRows,
        CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand(sql, connection);
        conditions.AddParametersTo(select);
        select.Parameters.AddWithValue("limit", window.Limit);
        select.Parameters.AddWithValue("offset", window.Offset);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = Convert.ToInt32(reader.GetInt64(0));
        await reader.NextResultAsync(cancellationToken);
        var rows = await readRows(reader, cancellationToken);
        return new Page<T> { Items = rows, Total = total, Offset = window.Offset, Limit = window.Limit };
    }
}
