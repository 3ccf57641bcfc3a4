using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Capacity;

/// <summary>The Ideogram capacity grain's log lines.</summary>
internal static partial class IdeogramCapacityGrainLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ideogram capacity of key {KeyIdentity} activated on {Silo}: {InUse} of {Capacity} images in flight, {Waiting} job(s) waiting")]
    public static partial void Activated(ILogger logger, string keyIdentity, SiloAddress silo, int inUse, int capacity, int waiting);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ideogram capacity held by job {JobId} lapsed without a release")]
    public static partial void LeaseLapsed(ILogger logger, long jobId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Ideogram capacity granted to job {JobId} was not taken up; the job waits again at the front of its account")]
    public static partial void GrantNotTakenUp(ILogger logger, long jobId);
}
