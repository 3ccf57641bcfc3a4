using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Health;
using IdeogramJobs.Api.Hosting;
using IdeogramJobs.Api.Jobs;
using IdeogramJobs.Api.Media;
using IdeogramJobs.Database;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Hosting.Logging;
using IdeogramJobs.Ideogram.Simulator;
using IdeogramJobs.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>
/// Runs the start-up validation a service performs (every option set registered with ValidateOnStart, through the
/// services' own registrations and validators) against a container's environment, without starting anything.
/// Throws <see cref="OptionsValidationException"/> (or the service's own start-up error) as the process would.
/// </summary>
public static class ServiceStartup
{
    public static void Validate(string executable, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        switch (executable)
        {
            case "IdeogramJobs.Silo.dll" when command.FirstOrDefault() is "migrate" or "seed-job-types" or "seed-demo":
                // The one-shot commands read only the database settings.
                ValidateDatabase(environment);
                return;
            case "IdeogramJobs.Silo.dll":
                ValidateSilo(environment);
                return;
            case "IdeogramJobs.Api.dll":
                ValidateApi(environment);
                return;
            case "IdeogramJobs.Ideogram.Simulator.dll":
                using (var simulator = SimulatorApp.Build([.. environment.Select(pair => $"--{pair.Key}={pair.Value}")]))
                {
                    simulator.Services.GetRequiredService<IStartupValidator>().Validate();
                }

                return;
            default:
                throw new ArgumentException($"No start-up validation is known for {executable}.", nameof(executable));
        }
    }

    /// <summary>As silo/IdeogramJobs.Silo/Program.cs registers the silo.</summary>
    private static void ValidateSilo(IReadOnlyDictionary<string, string> environment)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(environment.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
        builder.AddServiceLogging("silo");
        builder.UseOrleans(silo => silo.UseIdeogramJobsCluster().UseConfiguredEndpoints());
        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>As api/IdeogramJobs.Api/Program.cs registers the API: every call that binds options or checks settings.</summary>
    private static void ValidateApi(IReadOnlyDictionary<string, string> environment)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Configuration.AddInMemoryCollection(environment.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
        builder.AddServiceLogging("api");
        builder.ListenOnConfiguredAddress();
        builder.Services.AddDatabase();
        builder.AddClusterClient();
        builder.Services.AddHealth();
        builder.Services.AddMediaFiles(builder.Configuration);
        builder.Services.AddJobsApi(builder.Configuration);
        builder.Services.AddApiKeyAuthentication(builder.Configuration);
        using var app = builder.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static void ValidateDatabase(IReadOnlyDictionary<string, string> environment)
    {
        var options = new DatabaseOptions();
        new ConfigurationBuilder().AddInMemoryCollection(environment.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build().Bind(options);
        var result = new DatabaseOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DatabaseOptions), result.Failures);
        }
    }
}
