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

    /// <summary>The job an earlier submission with this idempotency key created, if any.</summary>
    Task<long?> FindByIdempotencyKeyAsync(string accountId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The job with its settings and recorded images; null when it is not an image job of this service.</summary>
    Task<StoredJob?> GetAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>The style reference images the job was submitted with, in order.</summary>
    Task<IReadOnlyList<StyleReferenceUpload>> GetStyleReferencesAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Images of the account's jobs created since <paramref name="sinceUtc"/> (its daily quota used).</summary>
    Task<int> CountImagesAdmittedSinceAsync(string accountId, DateTime sinceUtc, CancellationToken cancellationToken);

    /// <summary>Image jobs whose attempt is under way, for the capacity grain to count what Ideogram is already doing.</summary>
    Task<IReadOnlyList<RunningAttempt>> ListRunningAttemptsAsync(CancellationToken cancellationToken);

    /// <summary>The accounts with queued or processing image jobs, for recovery after a silo died.</summary>
    Task<IReadOnlyList<string>> ListAccountsWithUnfinishedJobsAsync(CancellationToken cancellationToken);

    /// <summary>Queued or processing image jobs of an account, for the account grain to rebuild its queue.</summary>
    Task<IReadOnlyList<UnfinishedJob>> ListUnfinishedAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>queued|processing → processing at the start of an attempt: worker_id (the silo), started_at (kept from the first start), progress.</summary>
    Task<bool> MarkProcessingAsync(long jobId, string workerId, string progressDetails, CancellationToken cancellationToken);

    /// <summary>Progress of a processing job.</summary>
    Task UpdateProgressAsync(long jobId, int percentage, string details, CancellationToken cancellationToken);

    /// <summary>
    /// A failed attempt that will be retried: retry_count, error_message and details; the job stays
    /// processing with no worker_id, which tells a new activation that no attempt was cut off.
    /// </summary>
    Task RecordAttemptFailureAsync(long jobId, int retryCount, string errorMessage, string progressDetails, CancellationToken cancellationToken);

    /// <summary>processing → completed, with results JSON, completed_at, progress 100 and no error.</summary>
    Task<bool> CompleteAsync(long jobId, string resultsJson, CancellationToken cancellationToken);

    /// <summary>queued|processing → failed, with the reason, retry_count and completed_at.</summary>
    Task<bool> FailAsync(long jobId, int retryCount, string errorMessage, CancellationToken cancellationToken);

    /// <summary>queued|processing → cancelled, with completed_at.</summary>
    Task<bool> CancelAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>failed|cancelled → queued, clearing completed_at, error, progress and retry_count.</summary>
    Task<bool> RequeueAsync(long jobId, CancellationToken cancellationToken);
}
