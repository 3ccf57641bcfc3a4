using IdeogramJobs.Contracts.Retention;

namespace IdeogramJobs.Database.Retention;

/// <summary>
/// The retention sweep's reads and deletes. Every delete takes at most <c>limit</c> rows in one short
/// statement (or one short transaction), so live tables are never locked for long; callers loop.
/// Only the service's own rows are touched: image jobs and the images linked to them.
/// </summary>
public interface IRetentionStore
{
    Task<IReadOnlyList<string>> ListAccountsAsync(CancellationToken cancellationToken);

    Task<RetentionOverride?> GetOverrideAsync(string accountId, CancellationToken cancellationToken);

    Task SetOverrideAsync(string accountId, RetentionOverride overrides, CancellationToken cancellationToken);

    /// <summary>What a run with these cutoffs would delete for the account, kind by kind.</summary>
    Task<IReadOnlyList<RetentionCount>> CountAsync(string accountId, RetentionCutoffs cutoffs, CancellationToken cancellationToken);

    Task<int> DeleteSystemLogsAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken);

    Task<int> DeleteIdempotencyKeysAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken);

    Task<int> DeleteAdmissionRejectionsAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// In one short transaction: up to <paramref name="limit"/> rejected images of the account created
    /// before the cutoff, locked and deleted. Returns the deleted rows, whose files the caller removes.
    /// </summary>
    Task<IReadOnlyList<ExpiredImage>> DeleteRejectedImagesAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// In one short transaction: up to <paramref name="limit"/> finished image jobs of the account that
    /// ended before the cutoff, locked, their image rows deleted, then the jobs (their settings, style
    /// references, keys and logs go by cascade). A job that is not finished is never touched.
    /// </summary>
    Task<ExpiredJobsDeletion> DeleteJobsAsync(string accountId, DateTime before, int limit, CancellationToken cancellationToken);
}
