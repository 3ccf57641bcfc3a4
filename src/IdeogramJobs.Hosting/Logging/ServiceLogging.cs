using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace IdeogramJobs.Hosting.Logging;

public static class ServiceLogging
{
    /// <summary>
    /// Serilog to the console: readable text in a terminal, one JSON object per line when the
    /// output is redirected (containers, CI, log shippers). LOG_LEVEL sets the minimum level.
    /// </summary>
    public static IHostApplicationBuilder AddServiceLogging(this IHostApplicationBuilder builder, string processName)
    {
        var options = LoggingOptions.From(builder.Configuration);
        builder.Services.AddSerilog(configuration =>
        {
            configuration
                .MinimumLevel.Is(options.MinimumLevel)
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("FluentMigrator", LogEventLevel.Warning)
                // /health answers with the failing part; logging every failed probe as an error is noise.
                .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Process", processName);

            if (options.Json)
            {
                configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                configuration.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Process} {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: LogEventLevel.Error);
            }
        });
        return builder;
    }
}
