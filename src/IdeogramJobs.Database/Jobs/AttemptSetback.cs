namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// An attempt that ended without completing the job, which will run again: the attempt counts after
/// it (retry_count spent by the job's own failures, interruptions by ours), why, when the next attempt
/// is due, and until when an abandoned Ideogram call may still hold in-flight places.
/// </summary>
public sealed record AttemptSetback
{
    public required int RetryCount { get; init; }
    public required int Interruptions { get; init; }
    public required string ErrorMessage { get; init; }
    public required string ProgressDetails { get; init; }
    public required DateTime NextAttemptAt { get; init; }
    public DateTime? ProviderBusyUntil { get; init; }
}
