using System.Globalization;
using MySqlConnector;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// MariaDB's own statement counters (SHOW GLOBAL STATUS: Questions and every Com_* command counter) at
/// one moment. They count every client of the server, so a scenario reads them on a server of its own
/// (<see cref="PrivateMariaDb"/>) where nothing but the system it measures is connected.
/// </summary>
public sealed class MariaDbStatements
{
    /// <summary>
    /// What reading the counters itself adds: SHOW GLOBAL STATUS. The reset of the pooled connection it
    /// opens (Com_admin_commands, also in Questions) stays in: one against thousands of jobs' statements.
    /// </summary>
    private const long OwnStatements = 1;

    private static readonly string[] DataCommands = ["Com_select", "Com_insert", "Com_update", "Com_delete"];

    private readonly IReadOnlyDictionary<string, long> counters;

    private MariaDbStatements(IReadOnlyDictionary<string, long> counters)
    {
        this.counters = counters;
    }

    /// <summary>Every statement the server was sent, transaction control and session settings included.</summary>
    public long Questions => counters["Questions"];

    /// <summary>Connections the server accepted: each is a handshake and a password hash on both sides, which a warm pool never needs.</summary>
    public long Connections => counters["Connections"];

    /// <summary>Com_select + Com_insert + Com_update + Com_delete.</summary>
    public long DataStatements => DataCommands.Sum(name => counters[name]);

    public static async Task<MariaDbStatements> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Connections') OR Variable_name LIKE 'Com\\_%'", connection);
        var values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (long.TryParse(reader.GetString(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    values[reader.GetString(0)] = value;
                }
            }
        }

        return new MariaDbStatements(values);
    }

    /// <summary>
    /// What was counted between <paramref name="earlier"/> and this reading, less the reading itself and
    /// <paramref name="polls"/> SELECTs a caller issued meanwhile.
    /// </summary>
    public MariaDbStatements Since(MariaDbStatements earlier, long polls)
    {
        var counted = counters.ToDictionary(c => c.Key, c => c.Value - earlier.counters.GetValueOrDefault(c.Key), StringComparer.OrdinalIgnoreCase);
        counted["Questions"] -= OwnStatements + polls;
        counted["Com_show_status"] -= OwnStatements;
        counted["Com_select"] -= polls;
        return new MariaDbStatements(counted);
    }

    /// <summary>The commands counted most, per job, as "Com_select 9.1, Com_update 4.0, ...", for a note.</summary>
    public string LargestPerJob(int jobs, int count) => string.Join(", ", counters
        .Where(c => c.Key.StartsWith("Com_", StringComparison.OrdinalIgnoreCase) && c.Value > 0)
        .OrderByDescending(c => c.Value)
        .Take(count)
        .Select(c => $"{c.Key} {((double)c.Value / jobs).ToString("0.00", CultureInfo.InvariantCulture)}"));
}
