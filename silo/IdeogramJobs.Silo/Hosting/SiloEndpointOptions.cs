using System.Net;
using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Silo.Hosting;

/// <summary>
/// Where this silo listens and what it advertises to the others. Several silos on one host each
/// need their own SILO_PORT and GATEWAY_PORT.
/// </summary>
public sealed class SiloEndpointOptions
{
    [ConfigurationKeyName("SILO_PORT")]
    public int SiloPort { get; set; } = 11111;

    [ConfigurationKeyName("GATEWAY_PORT")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients connect to (an IP, or a host name resolved at start).</summary>
    [ConfigurationKeyName("SILO_ADVERTISED_ADDRESS")]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface (containers) instead of the advertised address only.</summary>
    [ConfigurationKeyName("SILO_LISTEN_ANY")]
    public bool ListenOnAnyAddress { get; set; }

    public IPAddress ResolveAdvertisedAddress() =>
        IPAddress.TryParse(AdvertisedAddress, out var address)
            ? address
            : Dns.GetHostAddresses(AdvertisedAddress).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
}
