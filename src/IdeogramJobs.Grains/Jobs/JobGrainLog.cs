using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>The job grain's log lines, logged by the grain and the parts that act for it under the grain's category.</summary>
internal static partial class JobGrainLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId}: deactivated before its attempt was recorded as stopped")]
    public static partial void DeactivatedMidAttempt(ILogger logger, long jobId, string? accountId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId} could not move on; trying again in {Delay}")]
    public static partial void CouldNotMoveOn(ILogger logger, Exception exception, long jobId, string? accountId, TimeSpan delay);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId} was cut off mid-attempt on {WorkerId}; taken over, not counted as the job's failure")]
    public static partial void TakenOver(ILogger logger, long jobId, string? accountId, string? workerId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId}: attempt {Attempt} could not start; trying again in {Delay}")]
    public static partial void AttemptCouldNotStart(ILogger logger, Exception exception, long jobId, string? accountId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId}: the claim of an attempt that never started could not be given back")]
    public static partial void ClaimNotGivenBack(ILogger logger, Exception exception, long jobId, string? accountId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Job {JobId} of {AccountId}: attempt {Attempt} failed unexpectedly")]
    public static partial void AttemptFailedUnexpectedly(ILogger logger, Exception exception, long jobId, string? accountId, int attempt);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId}: the end of attempt {Attempt} could not be recorded; trying again in {Delay}")]
    public static partial void AttemptEndNotRecorded(ILogger logger, Exception exception, long jobId, string? accountId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId}: the wake-up reminder could not be registered")]
    public static partial void WakeUpNotRegistered(ILogger logger, Exception exception, long jobId, string? accountId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId} failed ({Why}): {Reason}")]
    public static partial void JobFailed(ILogger logger, long jobId, string? accountId, string why, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId}: an abandoned Ideogram call could not be noted; only the live capacity grain counts it")]
    public static partial void AbandonedCallNotNoted(ILogger logger, Exception exception, long jobId, string? accountId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Job {JobId} of {AccountId} could not give back its Ideogram capacity")]
    public static partial void CapacityNotGivenBack(ILogger logger, Exception exception, long jobId, string? accountId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Could not write a system log step for job {JobId} of {AccountId}")]
    public static partial void StepNotWritten(ILogger logger, Exception exception, long jobId, string? accountId);
}
