using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Silo.Commands;

/// <summary>
/// The silo executable's commands:
/// <c>run</c> (default: migrate when MIGRATE_ON_START, then host the silo until stopped),
/// <c>migrate</c>, <c>seed-job-types [accountId]</c>, <c>seed-demo</c> (development: DEMO_API_KEY),
/// <c>secrets rotate</c> (re-encrypt every stored secret under the first key of SECRET_ENCRYPTION_KEYS) and
/// <c>health</c> (the container healthcheck: exit 0 when the running silo is ready, else 1).
/// </summary>
public static class SiloCommand
{
    public const int ConfigurationError = 2;

    public static async Task<int> RunAsync(IHost host, string[] args)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IdeogramJobs.Silo");
        var command = args.FirstOrDefault() ?? "run";
        using var stopping = new CancellationTokenSource();
        if (command != "run")
        {
            // The host handles Ctrl-C while it runs; the one-shot commands stop on it themselves.
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stopping.Cancel();
            };
        }

        try
        {
            switch (command)
            {
                case "run":
                    if (host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
                    {
                        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stopping.Token);
                    }

                    await host.RunAsync();
                    return 0;

                case ReadinessProbe.Command:
                    return await SiloHealthCommand.RunAsync(host.Services.GetRequiredService<IConfiguration>(), Console.Out);

                case "migrate":
                    await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stopping.Token);
                    return 0;

                case "seed-job-types":
                    var seeder = host.Services.GetRequiredService<JobTypeSeeder>();
                    if (args.Length > 1)
                    {
                        var seeded = await seeder.SeedIfNoneAsync(args[1], stopping.Token);
                        logger.LogInformation("{AccountId}: {Outcome}", args[1], seeded ? "seeded" : "already has job types");
                    }
                    else
                    {
                        logger.LogInformation("Seeded {Count} accounts", await seeder.SeedAccountsWithoutJobTypesAsync(stopping.Token));
                    }

                    return 0;

                case "seed-demo":
                    var demo = host.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
                    if (string.IsNullOrWhiteSpace(demo.ApiKey))
                    {
                        logger.LogCritical("DEMO_API_KEY must be set for seed-demo");
                        return ConfigurationError;
                    }

                    var accountId = await host.Services.GetRequiredService<DemoTenantSeeder>().EnsureAsync(demo.ApiKey, stopping.Token);
                    Console.Out.WriteLine(accountId);
                    return 0;

                case "secrets" when args.ElementAtOrDefault(1) == "rotate":
                    foreach (var (kind, count) in await host.Services.GetRequiredService<SecretRotation>().RunAsync(stopping.Token))
                    {
                        logger.LogInformation("Re-encrypted {Count} {Kind} under the current master key", count, kind);
                    }

                    return 0;

                default:
                    logger.LogCritical("Unknown command {Command}; use run, migrate, seed-job-types [accountId], seed-demo, secrets rotate or health", command);
                    return ConfigurationError;
            }
        }
        catch (SecretUnavailableException e)
        {
            // The message names the variable and a key id, never a value.
            logger.LogCritical("Secrets: {Reason}", e.Message);
            await Console.Error.WriteLineAsync($"Secrets: {e.Message}");
            return ConfigurationError;
        }
        catch (OptionsValidationException e)
        {
            // Said once, plainly, on standard error as well: the operator must see which variable to fix.
            var reason = string.Join(" ", e.Failures);
            logger.LogCritical("Configuration error: {Reason}", reason);
            await Console.Error.WriteLineAsync($"Configuration error: {reason}");
            return ConfigurationError;
        }
    }
}
