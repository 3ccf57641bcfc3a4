using Microsoft.Extensions.Options;

namespace IdeogramJobs.Hosting.Telemetry;

public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) && options.OtlpEndpointUri is null)
        {
            return ValidateOptionsResult.Fail(
                $"{TelemetryOptions.EndpointVariable} must be an absolute http or https URL of an OTLP collector (e.g. http://otel-collector:4317), or unset.");
        }

        return ValidateOptionsResult.Success;
    }
}
