using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Hosting.Telemetry;

/// <summary>
/// Where traces and metrics go besides the Prometheus endpoint, and what this process is called there.
/// The OTLP exporter also honours the standard OTEL_EXPORTER_OTLP_PROTOCOL and OTEL_EXPORTER_OTLP_HEADERS.
/// </summary>
public sealed class TelemetryOptions
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    public const string InstanceIdVariable = "OTEL_SERVICE_INSTANCE_ID";

    /// <summary>An OTLP collector; unset, traces go nowhere and metrics are only scraped.</summary>
    [ConfigurationKeyName(EndpointVariable)]
    public string? OtlpEndpoint { get; set; }

    /// <summary>Defaults to ideogramjobs-silo or ideogramjobs-api.</summary>
    [ConfigurationKeyName(ServiceNameVariable)]
    public string? ServiceName { get; set; }

    /// <summary>Defaults to the host name and process id, which tells the silos of one host apart.</summary>
    [ConfigurationKeyName(InstanceIdVariable)]
    public string? InstanceId { get; set; }

    public Uri? OtlpEndpointUri =>
        Uri.TryCreate(OtlpEndpoint?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public string ResolveServiceName(string role) =>
        string.IsNullOrWhiteSpace(ServiceName) ? "ideogramjobs-" + role : ServiceName.Trim();

    public string ResolveInstanceId() =>
        string.IsNullOrWhiteSpace(InstanceId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : InstanceId.Trim();
}
