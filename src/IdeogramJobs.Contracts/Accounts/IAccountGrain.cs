using IdeogramJobs.Contracts.Jobs;
using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Accounts;

/// <summary>
/// One account (key: account_id): admission (active, rate limits, daily quota), the pending
/// queue by priority then age, and at most the concurrency cap of jobs in flight.
/// </summary>
[Alias("ideogramjobs.account-grain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("submit")]
    Task<SubmissionResult> SubmitAsync(JobSubmission submission);

    /// <summary>A failed or cancelled job goes back into the queue, subject to the same limits.</summary>
    [Alias("retry")]
    Task<JobCommandResult> RetryAsync(long jobId);

    /// <summary>A job of this account reached a terminal state: its slot is free.</summary>
    [OneWay, Alias("job-ended")]
    Task JobEndedAsync(long jobId, JobStatus status);

    [AlwaysInterleave, Alias("queue")]
    Task<AccountQueueSnapshot> GetQueueAsync();
}
