using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Draining;

public sealed class SiloDrainOptionsValidator : IValidateOptions<SiloDrainOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloDrainOptions options) =>
        options.DrainSeconds is >= 0 and <= 3600
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"SILO_DRAIN_SECONDS must be 0-3600 (how long a stopping silo lets its running attempts finish); got {options.DrainSeconds}.");
}
