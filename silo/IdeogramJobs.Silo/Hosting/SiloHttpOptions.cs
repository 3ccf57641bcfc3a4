using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Silo.Hosting;

/// <summary>
/// The silo's HTTP listener for operations: /health/live, /health/ready and /metrics. It listens on the
/// address the silo listens on (SILO_ADVERTISED_ADDRESS, or every interface with SILO_LISTEN_ANY).
/// </summary>
public sealed class SiloHttpOptions
{
    public const string PortVariable = "SILO_HTTP_PORT";

    /// <summary>0 (the default for local runs): no listener.</summary>
    [ConfigurationKeyName(PortVariable)]
    public int Port { get; set; }
}
