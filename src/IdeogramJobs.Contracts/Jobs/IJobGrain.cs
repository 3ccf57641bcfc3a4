using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Jobs;

/// <summary>
/// One job (key: ssnews_jobs.job_id): queued → processing → completed | failed | cancelled, with
/// timeouts and retries driven by durable state and a reminder. Reads answer while a generation
/// is in flight; nobody awaits a generation through a call.
/// </summary>
[Alias("ideogramjobs.job-grain")]
public interface IJobGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The account dispatches the job: it starts (or resumes) its attempts. One-way, so a
    /// submission never waits for the job to activate; a lost message is repeated by the
    /// account's reminder, and starting twice is harmless.
    /// </summary>
    [OneWay, Alias("start")]
    Task StartAsync();

    [AlwaysInterleave, Alias("status")]
    Task<JobSnapshot?> GetAsync(string accountId);

    /// <summary>Events after <paramref name="afterSequence"/>, waiting up to <paramref name="maxWait"/> for the first.</summary>
    [AlwaysInterleave, Alias("watch")]
    Task<IReadOnlyList<JobEvent>> WatchAsync(string accountId, long afterSequence, TimeSpan maxWait);

    [Alias("cancel")]
    Task<JobCommandResult> CancelAsync(string accountId);

    /// <summary>Puts a failed or cancelled job back in the queue (the account grain admits it).</summary>
    [Alias("requeue")]
    Task<JobCommandResult> RequeueAsync(string accountId);

    /// <summary>The Ideogram capacity the job asked for is free; it may call the provider now.</summary>
    [OneWay, Alias("capacity-granted")]
    Task CapacityGrantedAsync();
}
