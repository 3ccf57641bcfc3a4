using System.Net;

namespace IdeogramJobs.Api.Hosting;

public static class ApiHostExtensions
{
    /// <summary>Listens on API_BIND_ADDRESS:API_PORT; a bad value stops start-up naming the variable.</summary>
    public static WebApplicationBuilder ListenOnConfiguredAddress(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Get<ApiHostOptions>() ?? new ApiHostOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"API_PORT must be a port number (0-65535); got {options.Port}.");
        }

        if (!IPAddress.TryParse(options.BindAddress, out var address))
        {
            throw new InvalidOperationException($"API_BIND_ADDRESS must be an IP address; got '{options.BindAddress}'.");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        return builder;
    }
}
