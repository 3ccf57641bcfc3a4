using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Jobs;

/// <summary>Stops start-up, naming SSE_HEARTBEAT_SECONDS, when the heartbeat interval is out of range.</summary>
public sealed class JobEventStreamOptionsValidator : IValidateOptions<JobEventStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, JobEventStreamOptions options) =>
        options.HeartbeatSeconds is >= 1 and <= JobEventStreamOptions.MaxHeartbeatSeconds
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{JobEventStreamOptions.HeartbeatVariable} must be a whole number of seconds from 1 to {JobEventStreamOptions.MaxHeartbeatSeconds}; got {options.HeartbeatSeconds}.");
}
