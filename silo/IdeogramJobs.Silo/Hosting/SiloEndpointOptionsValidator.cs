using Microsoft.Extensions.Options;

namespace IdeogramJobs.Silo.Hosting;

public sealed class SiloEndpointOptionsValidator : IValidateOptions<SiloEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloEndpointOptions options)
    {
        var failures = new List<string>();
        if (options.SiloPort is < 1 or > 65535)
        {
            failures.Add($"SILO_PORT must be a port number (1-65535); got {options.SiloPort}.");
        }

        if (options.GatewayPort is < 1 or > 65535)
        {
            failures.Add($"GATEWAY_PORT must be a port number (1-65535); got {options.GatewayPort}.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add("SILO_PORT and GATEWAY_PORT must differ.");
        }

        if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            failures.Add("SILO_ADVERTISED_ADDRESS must be an IP address or host name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
