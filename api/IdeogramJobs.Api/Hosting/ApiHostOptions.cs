using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Api.Hosting;

/// <summary>Where the API listens: 127.0.0.1 by default; containers set API_BIND_ADDRESS.</summary>
public sealed class ApiHostOptions
{
    [ConfigurationKeyName("API_PORT")]
    public int Port { get; set; } = 8080;

    [ConfigurationKeyName("API_BIND_ADDRESS")]
    public string BindAddress { get; set; } = "127.0.0.1";
}
