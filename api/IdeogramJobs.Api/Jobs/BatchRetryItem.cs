using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// What became of one job of a batch retry: queued, notFound, notAllowed (not failed or cancelled) or
/// rateLimited, with the job's status and why when it was not queued.
/// </summary>
public sealed record BatchRetryItem(long JobId, string Outcome, JobStatus? Status, string? Message)
{
    public static BatchRetryItem From(long jobId, JobCommandResult result) => new(
        jobId,
        result.Outcome switch
        {
            JobCommandOutcome.Done => "queued",
            JobCommandOutcome.NotFound => "notFound",
            JobCommandOutcome.NotAllowed => "notAllowed",
            JobCommandOutcome.RateLimited => "rateLimited",
            JobCommandOutcome.BudgetExceeded => "budgetExceeded",
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Unknown command outcome."),
        },
        result.Outcome == JobCommandOutcome.NotFound ? null : result.Status,
        result.Outcome == JobCommandOutcome.Done ? null : result.Message);
}
