using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// The image jobs' rows in ssnews_jobs (job_type 'image_generation') and their
/// ssnews_job_execution_settings. The row is the job's durable state: grains keep no other copy.
/// Every transition method changes the row only from the states it names and says whether it did.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Inserts the job row (status queued) and its execution settings in one transaction, plus the
    /// idempotency key when given; returns the new job_id.
    /// </summary>
    Task<long> CreateAsync(NewJob job, CancellationToken cancellationToken);

    /// <summary>The job an earlier submission with this idempotency key created, and its request's fingerprint, if any.</summary>
    Task<IdempotencyRecord?> FindByIdempotencyKeyAsync(string accountId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The job with its settings and recorded images; null when it is not an image job of this service.</summary>
    Task<StoredJob?> GetAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>The style reference images the job was submitted with, in order.</summary>
    Task<IReadOnlyList<StyleReferenceUpload>> GetStyleReferencesAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>The character reference image the job was submitted with, or null.</summary>
    Task<StyleReferenceUpload?> GetCharacterReferenceAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Every claim on Ideogram's in-flight places the table shows (attempts that may be calling it,
    /// abandoned calls that may still run, dispatched jobs waiting in the order they asked), for a
    /// capacity grain that activates after its silo died; only the jobs pinned to <paramref name="keyIdentity"/>
    /// (a job never pinned counts for the service key).
    /// </summary>
    Task<IReadOnlyList<CapacityClaim>> ListCapacityClaimsAsync(DateTime now, string keyIdentity, CancellationToken cancellationToken);

    /// <summary>
    /// How long the most recent jobs that completed in one attempt took from claim to completion, newest first:
    /// an upper bound of their Ideogram calls, in whole seconds as the columns hold them.
    /// </summary>
    Task<IReadOnlyList<TimeSpan>> ListRecentCallDurationsAsync(int count, CancellationToken cancellationToken);

    /// <summary>The accounts with queued or processing image jobs, for recovery after a silo died.</summary>
    Task<IReadOnlyList<string>> ListAccountsWithUnfinishedJobsAsync(CancellationToken cancellationToken);

    /// <summary>Queued or processing image jobs of an account, for the account grain to rebuild its queue.</summary>
    Task<IReadOnlyList<UnfinishedJob>> ListUnfinishedAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Records when a job first asked for Ideogram capacity (kept on later calls); false when it is finished.</summary>
    Task<bool> MarkDispatchedAsync(long jobId, DateTime at, CancellationToken cancellationToken);

    /// <summary>
    /// queued|processing → processing, owned by the attempt: only when no other attempt owns the row.
    /// Sets worker_id, the token and deadline, started_at (kept from the first start), progress; clears the backoff.
    /// </summary>
    Task<bool> ClaimAttemptAsync(long jobId, AttemptClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the row from an attempt that is gone (its silo is dead, or its deadline passed): clears its
    /// token, counts an interruption, notes until when its Ideogram call may still run. False when that
    /// attempt no longer owns the row.
    /// </summary>
    Task<bool> TakeOverAsync(long jobId, string staleToken, string reason, DateTime? providerBusyUntil, CancellationToken cancellationToken);

    /// <summary>An Ideogram call of the job was given up on (a cancel) and may still run until then: a restarted capacity grain counts it.</summary>
    Task NoteProviderBusyAsync(long jobId, DateTime until, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the row back without counting anything (the attempt never reached Ideogram); a job that has
    /// not run an attempt yet is queued again, one between attempts stays processing.
    /// </summary>
    Task<bool> ReleaseClaimAsync(long jobId, string token, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps Ideogram's answer for the job, written by the attempt that owns it, and removes the image
    /// rows of any earlier generation in the same transaction. False when the attempt lost the row.
    /// </summary>
    Task<bool> SaveGenerationAsync(long jobId, string token, SavedGeneration generation, CancellationToken cancellationToken);

    /// <summary>The saved answer of Ideogram for the job, if any.</summary>
    Task<SavedGeneration?> GetGenerationAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Forgets a saved answer whose images can no longer be downloaded, so the next attempt generates again.</summary>
    Task<bool> DiscardGenerationAsync(long jobId, string token, CancellationToken cancellationToken);

    /// <summary>Progress of the attempt that owns the row; false when it lost the row.</summary>
    Task<bool> UpdateProgressAsync(long jobId, string token, int percentage, string details, CancellationToken cancellationToken);

    /// <summary>An attempt that will be retried: counts, error, details and the backoff; the row is free again, still processing.</summary>
    Task<bool> RecordSetbackAsync(long jobId, string token, AttemptSetback setback, CancellationToken cancellationToken);

    /// <summary>processing → completed by the attempt that owns it, with results JSON, completed_at, progress 100 and no error.</summary>
    Task<JobEnd> CompleteAsync(long jobId, string token, string resultsJson, CancellationToken cancellationToken);

    /// <summary>
    /// queued|processing → failed, with the reason, retry_count and completed_at; by the attempt that owns
    /// the row, or with a null token only while no attempt owns it.
    /// </summary>
    Task<JobEnd> FailAsync(long jobId, string? token, int retryCount, string errorMessage, CancellationToken cancellationToken);

    /// <summary>queued|processing → cancelled, with completed_at, whatever attempt owns the row: its later writes then fail.</summary>
    Task<JobEnd> CancelAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>failed|cancelled → queued, clearing completed_at, error, progress, the counts, backoff and dispatch.</summary>
    Task<bool> RequeueAsync(long jobId, CancellationToken cancellationToken);
}
