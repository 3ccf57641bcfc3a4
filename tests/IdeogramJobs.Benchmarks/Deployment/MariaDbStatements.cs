using System.Globalization;
using MySqlConnector;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// MariaDB's own statement counters (SHOW GLOBAL STATUS: Questions and Com_select/insert/update/delete)
/// at one moment. They count every client of the server, so a scenario reads them on a server of its own
/// (<see cref="PrivateMariaDb"/>) where nothing but the system it measures is connected.
/// </summary>
public sealed record MariaDbStatements(long Questions, long Selects, long Inserts, long Updates, long Deletes)
{
    /// <summary>
    /// The statements reading the counters itself adds to Questions: SHOW GLOBAL STATUS. Opening a pooled
    /// connection sends a reset, which is a command but not a statement.
    /// </summary>
    public const long OwnStatements = 1;

    public long DataStatements => Selects + Inserts + Updates + Deletes;

    public static async Task<MariaDbStatements> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', 'Com_update', 'Com_delete')", connection);
        var values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                values[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }
        }

        return new MariaDbStatements(values["Questions"], values["Com_select"], values["Com_insert"], values["Com_update"], values["Com_delete"]);
    }

    /// <summary>What was counted between <paramref name="earlier"/> and this reading, less the reading itself.</summary>
    public MariaDbStatements Since(MariaDbStatements earlier) => new(
        Questions - earlier.Questions - OwnStatements,
        Selects - earlier.Selects,
        Inserts - earlier.Inserts,
        Updates - earlier.Updates,
        Deletes - earlier.Deletes);
}
