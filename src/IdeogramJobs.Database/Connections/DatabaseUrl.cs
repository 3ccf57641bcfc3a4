using MySqlConnector;

namespace IdeogramJobs.Database.Connections;

/// <summary>
/// Turns a <c>mysql://user:pass@host:port/db</c> URL (the form the specification uses for
/// DATABASE_URL) into a MySqlConnector connection string. Errors name the variable the URL came
/// from and never echo the password.
/// </summary>
public static class DatabaseUrl
{
    public static MySqlConnectionStringBuilder Parse(string variable, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DatabaseUrlException(variable, "is not set; expected mysql://user:password@host:port/database");
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("mysql" or "mariadb"))
        {
            throw new DatabaseUrlException(variable, "is not a mysql:// URL; expected mysql://user:password@host:port/database");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/'))
        {
            throw new DatabaseUrlException(variable, "names no database; expected mysql://user:password@host:port/database");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        if (user.Length == 0)
        {
            throw new DatabaseUrlException(variable, "names no user; expected mysql://user:password@host:port/database");
        }

        var builder = new MySqlConnectionStringBuilder
        {
            Server = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 3306u : (uint)uri.Port,
            UserID = user,
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : string.Empty,
            Database = database,
            CharacterSet = "utf8mb4",
            // Orleans sends DateTime values it treats as UTC; keep the driver from converting them.
            DateTimeKind = MySqlDateTimeKind.Utc,
        };

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            try
            {
                builder[key] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "true";
            }
            catch (ArgumentException)
            {
                throw new DatabaseUrlException(variable, $"has an unknown connection option '{key}'");
            }
        }

        return builder;
    }
}
