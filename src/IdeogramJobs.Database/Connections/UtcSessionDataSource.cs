using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>
/// Connection sources whose sessions run in UTC whatever the server's global time_zone (managed MySQL often keeps
/// SYSTEM): NOW(), CURRENT_TIMESTAMP and TIMESTAMP columns then agree with the UTC DateTime values the service and
/// Orleans send.
/// </summary>
public static class UtcSessionDataSource
{
    public const string UtcOffset = "+00:00";

    public static MySqlDataSource Create(string connectionString) =>
        new MySqlDataSourceBuilder(connectionString).UseConnectionOpenedCallback(SetUtcAsync).Build();

    private static async ValueTask SetUtcAsync(MySqlConnectionOpenedContext context, CancellationToken cancellationToken)
    {
        // A pooled connection handed out again without a reset keeps its session; a new or reset one starts from the global zone.
        if (context.Conditions == MySqlConnectionOpenedConditions.None)
        {
            return;
        }

        await using var command = new MySqlCommand($"SET time_zone = '{UtcOffset}'", context.Connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
