using IdeogramJobs.Contracts.Admin;

namespace IdeogramJobs.Database.Usage;

/// <summary>Usage figures computed from ssnews_jobs, ssnews_image_assets and ssnews_job_admission_rejections.</summary>
public interface IUsageQueries
{
    Task<UsageReport> GetAsync(UsageQuery query, CancellationToken cancellationToken);
}
