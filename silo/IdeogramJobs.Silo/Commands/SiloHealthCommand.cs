using System.Net;
using IdeogramJobs.Hosting.Health;
using IdeogramJobs.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Silo.Commands;

/// <summary>
/// `dotnet IdeogramJobs.Silo.dll health`: the container healthcheck. Probes the running silo's /health/ready on
/// SILO_HTTP_PORT, at the address its listener is bound to (loopback when SILO_LISTEN_ANY, else SILO_ADVERTISED_ADDRESS).
/// </summary>
public static class SiloHealthCommand
{
    public const string HttpPortVariable = "SILO_HTTP_PORT";

    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output)
    {
        var port = configuration.GetValue<int>(HttpPortVariable);
        if (port is < 1 or > 65535)
        {
            await output.WriteLineAsync($"{HttpPortVariable} is {port}: the silo has no health listener to probe; set it to a port (the image sets 8081).");
            return ReadinessProbe.Unhealthy;
        }

        var endpoints = configuration.Get<SiloEndpointOptions>() ?? new SiloEndpointOptions();
        var host = endpoints.ListenOnAnyAddress
            ? IPAddress.Loopback.ToString()
            : IPAddress.TryParse(endpoints.AdvertisedAddress, out var address) ? ReadinessProbe.LocalHost(address) : endpoints.AdvertisedAddress;
        return await ReadinessProbe.RunAsync(host, port, output);
    }
}
