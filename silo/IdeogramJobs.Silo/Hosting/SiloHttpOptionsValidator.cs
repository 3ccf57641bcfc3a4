using Microsoft.Extensions.Options;

namespace IdeogramJobs.Silo.Hosting;

public sealed class SiloHttpOptionsValidator : IValidateOptions<SiloHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloHttpOptions options) =>
        options.Port is < 0 or > 65535
            ? ValidateOptionsResult.Fail($"{SiloHttpOptions.PortVariable} must be a port number (1-65535), or 0 for no listener; got {options.Port}.")
            : ValidateOptionsResult.Success;
}
