using System.Net;
using IdeogramJobs.Hosting.Health;

namespace IdeogramJobs.Api.Hosting;

/// <summary>
/// `dotnet IdeogramJobs.Api.dll health`: the container healthcheck. Probes the running API's /health/ready on the
/// address and port it listens on (API_BIND_ADDRESS, API_PORT) and exits; any other first argument starts the API.
/// </summary>
public static class ApiHealthCommand
{
    public static async Task ExitIfRequestedAsync(string[] args)
    {
        if (args.FirstOrDefault() != ReadinessProbe.Command)
        {
            return;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = configuration.Get<ApiHostOptions>() ?? new ApiHostOptions();
        var host = IPAddress.TryParse(options.BindAddress, out var address) ? ReadinessProbe.LocalHost(address) : IPAddress.Loopback.ToString();
        Environment.Exit(await ReadinessProbe.RunAsync(host, options.Port, Console.Out));
    }
}
