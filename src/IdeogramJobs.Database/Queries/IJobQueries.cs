
namespace IdeogramJobs.Database.Queries;

/// <summary>Lists an account's image jobs (ssnews_jobs of type image_generation), newest first.</summary>
public interface IJobQueries
{
    Task<Page<JobSummary>> ListAsync(string accountId, JobQuery query, CancellationToken cancellationToken);
}
