using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Queries;

/// <summary>
/// Read-mostly views of one account's jobs and images (key: account_id). Every query is scoped
/// to the account, so another account's rows never appear.
/// </summary>
[Alias("ideogramjobs.account-queries-grain")]
public interface IAccountQueriesGrain : IGrainWithStringKey
{
    [ReadOnly, Alias("jobs")]
    Task<Page<JobSummary>> ListJobsAsync(JobQuery query);

    /// <summary>The system log of the account's job (its attempts, setbacks and end), or null when there is no such job.</summary>
    [ReadOnly, Alias("job-log")]
    Task<IReadOnlyList<JobLogLine>?> GetJobLogAsync(long jobId);

    [ReadOnly, Alias("images")]
    Task<Page<ImageRecord>> ListImagesAsync(ImageQuery query);

    /// <summary>The account's images among <paramref name="imageIds"/> (others are left out).</summary>
    [ReadOnly, Alias("images-by-id")]
    Task<IReadOnlyList<ImageRecord>> GetImagesAsync(IReadOnlyList<long> imageIds);

    /// <summary>Sets the review status of the account's images among the ids; returns the ids changed.</summary>
    [Alias("set-image-status")]
    Task<IReadOnlyList<long>> SetImageStatusAsync(IReadOnlyList<long> imageIds, ImageStatus status);
}
