using IdeogramJobs.Contracts.Queries;
using IdeogramJobs.Database.Queries;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Queries;

/// <summary>Lists of one account's jobs and images, read from the tables; every query is scoped to the account.</summary>
[StatelessWorker]
public sealed class AccountQueriesGrain(IJobQueries jobs, IJobLogQueries jobLogs, IImageQueries images) : Grain, IAccountQueriesGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public Task<Page<JobSummary>> ListJobsAsync(JobQuery query) => jobs.ListAsync(AccountId, query, CancellationToken.None);

    public Task<IReadOnlyList<JobLogLine>?> GetJobLogAsync(long jobId) => jobLogs.ListAsync(AccountId, jobId, CancellationToken.None);

    public Task<Page<ImageRecord>> ListImagesAsync(ImageQuery query) => images.ListAsync(AccountId, query, CancellationToken.None);

    public Task<IReadOnlyList<ImageRecord>> GetImagesAsync(IReadOnlyList<long> imageIds) => images.GetAsync(AccountId, imageIds, CancellationToken.None);

    public Task<IReadOnlyList<long>> SetImageStatusAsync(IReadOnlyList<long> imageIds, ImageStatus status) =>
        images.SetStatusAsync(AccountId, imageIds, status, CancellationToken.None);
}
