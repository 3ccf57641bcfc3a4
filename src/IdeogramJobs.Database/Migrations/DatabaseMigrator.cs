using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace IdeogramJobs.Database.Migrations;

/// <summary>
/// Brings the Orleans tables (DATABASE_URL) and the c360req tables (C360REQ_DATABASE_URL) up to
/// date with FluentMigrator. Each set runs under a server-wide named lock, so silos that start
/// together apply every migration once; the others wait and then find nothing left to do.
/// </summary>
public sealed class DatabaseMigrator(IOptions<DatabaseOptions> options, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);
    private readonly ILogger logger = loggerFactory.CreateLogger<DatabaseMigrator>();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(MigrationSet.Orleans, options.Value.OrleansConnectionString, cancellationToken);
        await MigrateAsync(MigrationSet.C360Req, options.Value.C360ReqConnectionString, cancellationToken);
    }

    public async Task MigrateAsync(MigrationSet set, string connectionString, CancellationToken cancellationToken)
    {
        await using var lockConnection = new MySqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        var lockName = MigrationLockName.For(lockConnection.Database, set);

        logger.LogInformation("Waiting for migration lock {LockName}", lockName);
        if (!await TryLockAsync(lockConnection, lockName, cancellationToken))
        {
            throw new TimeoutException($"Another process held the migration lock '{lockName}' for more than {LockTimeout.TotalMinutes} minutes.");
        }

        try
        {
            Run(set, connectionString);
        }
        finally
        {
            await using var release = new MySqlCommand("SELECT RELEASE_LOCK(@name)", lockConnection);
            release.Parameters.AddWithValue("name", lockName);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> TryLockAsync(MySqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SELECT GET_LOCK(@name, @timeout)", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("timeout", (int)LockTimeout.TotalSeconds);
        command.CommandTimeout = (int)LockTimeout.TotalSeconds + 30;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    private void Run(MigrationSet set, string connectionString)
    {
        using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddLogging()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddMySql5()
                .WithGlobalConnectionString(connectionString)
                .WithVersionTable(new MigrationVersionTable(set.VersionTable))
                .ScanIn(typeof(DatabaseMigrator).Assembly).For.Migrations())
            .Configure<TypeFilterOptions>(filter =>
            {
                filter.Namespace = set.Namespace;
                filter.NestedNamespaces = false;
            })
            .BuildServiceProvider(validateScopes: false);

        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        runner.MigrateUp();
        logger.LogInformation("Migrations of {MigrationSet} are up to date", set.Name);
    }
}
