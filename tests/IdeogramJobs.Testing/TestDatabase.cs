using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MySqlConnector;
using Xunit;

namespace IdeogramJobs.Testing;

/// <summary>
/// A database of its own for one test fixture, on the server that ./test.sh starts (or the one
/// TEST_DATABASE_URL / DATABASE_URL names), dropped when the fixture ends. Fixtures therefore run
/// in parallel and leave nothing behind.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string DefaultServerUrl = "mysql://ideogramjobs:ideogramjobs-dev@127.0.0.1:3317/c360req";

    private readonly MySqlConnectionStringBuilder server;

    public TestDatabase()
        : this(Environment.GetEnvironmentVariable("TEST_DATABASE_URL") ?? Environment.GetEnvironmentVariable("DATABASE_URL") ?? DefaultServerUrl)
    {
    }

    /// <summary>A database of its own on the server <paramref name="serverUrl"/> names (a mysql:// URL of any database there).</summary>
    public TestDatabase(string serverUrl)
    {
        server = DatabaseUrl.Parse("TEST_DATABASE_URL", serverUrl);
        Name = $"ijtest_{Guid.NewGuid():N}"[..20];
        var own = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = Name };
        ConnectionString = own.ConnectionString;
        Url = $"mysql://{Uri.EscapeDataString(server.UserID)}:{Uri.EscapeDataString(server.Password)}@{server.Server}:{server.Port}/{Name}";
    }

    public string Name { get; }

    /// <summary>This database as a DATABASE_URL.</summary>
    public string Url { get; }

    public string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        var admin = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = string.Empty };
        await using var connection = new MySqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (MySqlException e)
        {
            throw new InvalidOperationException(
                $"No MariaDB at {server.Server}:{server.Port} for the tests ({e.Message}). Start one with scripts/mariadb.sh start, or run ./test.sh.", e);
        }

        await using var create = new MySqlCommand($"CREATE DATABASE `{Name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        var admin = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = string.Empty };
        await using var connection = new MySqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public DatabaseOptions Options => new() { DatabaseUrl = Url };

    public DatabaseMigrator CreateMigrator() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), NullLoggerFactory.Instance);

    public Task MigrateAsync() => CreateMigrator().MigrateAsync(CancellationToken.None);

    public async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of a query, each as column name to value (as text), in query order.</summary>
    public async Task<List<Dictionary<string, string?>>> QueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The versions the migration runner recorded for a set, in order.</summary>
    public async Task<IReadOnlyList<long>> RecordedVersionsAsync(MigrationSet set) =>
        [.. (await QueryAsync($"SELECT version FROM {set.VersionTable} ORDER BY version")).Select(r => long.Parse(r["version"]!))];

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
