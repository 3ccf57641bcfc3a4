using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace IdeogramJobs.Database.Health;

/// <summary>The c360req database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(C360ReqDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException or InvalidOperationException)
        {
            // The exception text is left out: it can name the host and user of the connection.
            return HealthCheckResult.Unhealthy($"The database does not answer ({e.GetType().Name}).");
        }
    }
}
