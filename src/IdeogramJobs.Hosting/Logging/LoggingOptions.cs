using Microsoft.Extensions.Configuration;
using Serilog.Events;

namespace IdeogramJobs.Hosting.Logging;

/// <summary>LOG_LEVEL (Verbose..Fatal, default Information) and LOG_FORMAT (text, json, or auto).</summary>
public sealed class LoggingOptions
{
    [ConfigurationKeyName("LOG_LEVEL")]
    public LogEventLevel MinimumLevel { get; set; } = LogEventLevel.Information;

    [ConfigurationKeyName("LOG_FORMAT")]
    public string Format { get; set; } = "auto";

    public bool Json => Format.ToLowerInvariant() switch
    {
        "json" => true,
        "text" => false,
        _ => Console.IsOutputRedirected,
    };

    public static LoggingOptions From(IConfiguration configuration)
    {
        var options = new LoggingOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException("LOG_LEVEL must be one of Verbose, Debug, Information, Warning, Error, Fatal.", e);
        }

        return options;
    }
}
