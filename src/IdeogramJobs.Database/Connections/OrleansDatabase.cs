using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>
/// The pooled connection source the Orleans ADO.NET providers (membership, grain storage, reminders, gateway discovery)
/// open their connections from (DATABASE_URL), so that their sessions run in UTC like the service's own.
/// </summary>
public sealed class OrleansDatabase(IOptions<DatabaseOptions> options) : IAsyncDisposable
{
    public MySqlDataSource DataSource { get; } = UtcSessionDataSource.Create(options.Value.OrleansConnectionString);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
