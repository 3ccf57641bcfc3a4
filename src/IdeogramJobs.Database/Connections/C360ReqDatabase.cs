using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>The pooled connection source for the c360req tables (C360REQ_DATABASE_URL); every session runs in UTC.</summary>
public sealed class C360ReqDatabase(IOptions<DatabaseOptions> options) : IAsyncDisposable
{
    private readonly MySqlDataSource dataSource = UtcSessionDataSource.Create(WithoutResetOnReuse(options.Value.C360ReqConnectionString));

    public ValueTask<MySqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    // A reset costs two round trips on every open from the pool (a third of all a job's database calls).
    // The stores leave no session state behind: no user variables, temporary tables, session settings
    // (beyond the UTC time zone set when a connection is new) or named locks, and every transaction is committed or rolled back before its connection returns.
    private static string WithoutResetOnReuse(string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { ConnectionReset = false }.ConnectionString;
}
