using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>The pooled connection source for the c360req tables (C360REQ_DATABASE_URL).</summary>
public sealed class C360ReqDatabase(IOptions<DatabaseOptions> options) : IAsyncDisposable
{
    private readonly MySqlDataSource dataSource = new(options.Value.C360ReqConnectionString);

    public ValueTask<MySqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
