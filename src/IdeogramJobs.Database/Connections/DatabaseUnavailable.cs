using System.Net.Sockets;
using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>
/// Tells a database that cannot be reached (refused, timed out, shutting down, out of connections,
/// the connection lost mid-call) from a fault of the statement itself: the first passes once the
/// server is back, so it is nobody's mistake and worth retrying; the second is a bug to report.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is MySqlException mySql && Unreachable(mySql))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Unreachable(MySqlException e) =>
        e.ErrorCode is MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown or MySqlErrorCode.ConnectionCountError
            or MySqlErrorCode.CommandTimeoutExpired
        || e.InnerException is IOException or SocketException or EndOfStreamException or TimeoutException;
}
