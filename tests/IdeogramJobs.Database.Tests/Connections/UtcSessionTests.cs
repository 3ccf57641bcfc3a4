using IdeogramJobs.Database.Connections;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Tests.Connections;

/// <summary>
/// Correctness must not depend on the server's global time_zone (managed MySQL often runs SYSTEM): every session
/// the service or Orleans opens is set to UTC. Against a server whose global zone is UTC (scripts/mariadb.sh) these
/// pass either way; they were seen to fail without the setting against a server started with --default-time-zone=+05:00.
/// </summary>
public sealed class UtcSessionTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_service_connections_run_in_utc_and_now_is_utc()
    {
        await using var c360Req = new C360ReqDatabase(Options.Create(database.Options));
        await using var connection = await c360Req.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(UtcSessionDataSource.UtcOffset, await ScalarAsync(connection, "SELECT @@session.time_zone"));
        Assert.Equal("0", await ScalarAsync(connection, "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) DIV 60"));
    }

    [Fact]
    public async Task The_orleans_connections_run_in_utc_also_after_a_pooled_connection_is_reset()
    {
        await using var orleans = new OrleansDatabase(Options.Create(database.Options));
        await using (var first = await orleans.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(UtcSessionDataSource.UtcOffset, await ScalarAsync(first, "SELECT @@session.time_zone"));
            await ScalarAsync(first, "SET time_zone = '+05:00'");
        }

        // Orleans' pool resets a connection it hands out again, which takes the session back to the global zone.
        await using var second = await orleans.DataSource.OpenConnectionAsync();
        Assert.Equal(UtcSessionDataSource.UtcOffset, await ScalarAsync(second, "SELECT @@session.time_zone"));
    }

    [Fact]
    public async Task A_utc_datetime_stored_through_a_timestamp_column_reads_back_unchanged()
    {
        // TIMESTAMP columns convert through the session zone; DATETIME ones do not. Both must give back what was stored.
        var moment = new DateTime(2026, 3, 29, 1, 30, 15, DateTimeKind.Utc);
        await using var c360Req = new C360ReqDatabase(Options.Create(database.Options));
        await using var connection = await c360Req.OpenConnectionAsync(CancellationToken.None);
        await ScalarAsync(connection, "CREATE TABLE utc_round_trip (id INT PRIMARY KEY, at_datetime DATETIME(3) NOT NULL, at_timestamp TIMESTAMP(3) NULL)");
        await using (var insert = new MySqlCommand("INSERT INTO utc_round_trip VALUES (1, @at, @at)", connection))
        {
            insert.Parameters.AddWithValue("at", moment);
            await insert.ExecuteNonQueryAsync();
        }

        await using var read = new MySqlCommand(
            "SELECT at_datetime, at_timestamp, UNIX_TIMESTAMP(at_timestamp) FROM utc_round_trip WHERE id = 1", connection);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(moment, reader.GetDateTime(0));
        Assert.Equal(moment, reader.GetDateTime(1));
        Assert.Equal(new DateTimeOffset(moment).ToUnixTimeSeconds(), Convert.ToInt64(reader.GetValue(2)));
    }

    private static async Task<string?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
