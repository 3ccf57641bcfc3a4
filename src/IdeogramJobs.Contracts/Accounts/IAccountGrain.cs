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

    /// <summary>
    /// Re-reads the account's unfinished jobs from the table and moves each on, as the reminder
    /// does; called at once when a silo dies so its jobs need not wait for the next reminder tick.
    /// </summary>
    [Alias("reconcile")]
    Task ReconcileAsync();

    [AlwaysInterleave, Alias("queue")]
    Task<AccountQueueSnapshot> GetQueueAsync();

    /// <summary>The account, or null when it does not exist.</summary>
    [AlwaysInterleave, Alias("summary")]
    Task<AccountSummary?> GetSummaryAsync();

    /// <summary>Activates or deactivates the account; a deactivated account runs no new jobs.</summary>
    [Alias("set-active")]
    Task<AccountSummary?> SetActiveAsync(bool isActive);

    /// <summary>Replaces the account's own limits (null members: the service defaults).</summary>
    [Alias("set-limits")]
    Task<AccountSummary?> SetLimitsAsync(AccountLimits limits);

    /// <summary>The account's monthly budget was set: admission reads it again for the next job.</summary>
    [Alias("budget-changed")]
    Task BudgetChangedAsync();
}
