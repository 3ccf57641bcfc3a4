using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Database.Connections;

/// <summary>Where the Orleans tables (DATABASE_URL) and the c360req tables (C360REQ_DATABASE_URL) live.</summary>
public sealed class DatabaseOptions
{
    public const string DatabaseUrlVariable = "DATABASE_URL";
    public const string C360ReqDatabaseUrlVariable = "C360REQ_DATABASE_URL";
    public const string ConnectTimeoutVariable = "DATABASE_CONNECT_TIMEOUT_SECONDS";
    public const string DatabasePasswordVariable = "DATABASE_PASSWORD";

    [ConfigurationKeyName(DatabaseUrlVariable)]
    public string? DatabaseUrl { get; set; }

    /// <summary>
    /// The password for DATABASE_URL, given apart so that a password with URL characters (@ : / # % ?) needs no
    /// percent-encoding; when set it replaces the URL's own. C360REQ_DATABASE_URL, when set, carries its own.
    /// </summary>
    [ConfigurationKeyName(DatabasePasswordVariable)]
    public string? DatabasePassword { get; set; }

    /// <summary>Defaults to <see cref="DatabaseUrl"/> when unset.</summary>
    [ConfigurationKeyName(C360ReqDatabaseUrlVariable)]
    public string? C360ReqDatabaseUrl { get; set; }

    /// <summary>Apply migrations when a silo starts (the `migrate` command always applies them).</summary>
    [ConfigurationKeyName("MIGRATE_ON_START")]
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Largest connection pool per process and database.</summary>
    [ConfigurationKeyName("DATABASE_MAX_POOL_SIZE")]
    public uint MaxPoolSize { get; set; } = 100;

    /// <summary>
    /// How long opening a connection may take before it fails. Short, so that while the database is
    /// unreachable every caller (an API request, a grain) hears so in seconds instead of hanging.
    /// </summary>
    [ConfigurationKeyName(ConnectTimeoutVariable)]
    public uint ConnectTimeoutSeconds { get; set; } = 5;

    public string OrleansConnectionString => Build(DatabaseUrlVariable, DatabaseUrl, DatabasePassword);

    public string C360ReqConnectionString => string.IsNullOrWhiteSpace(C360ReqDatabaseUrl)
        ? OrleansConnectionString
        : Build(C360ReqDatabaseUrlVariable, C360ReqDatabaseUrl, password: null);

    private string Build(string variable, string? url, string? password)
    {
        var builder = Connections.DatabaseUrl.Parse(variable, url);
        builder.MaximumPoolSize = MaxPoolSize;
        builder.ConnectionTimeout = ConnectTimeoutSeconds;
        if (!string.IsNullOrEmpty(password))
        {
            builder.Password = password;
        }

        return builder.ConnectionString;
    }
}
