using IdeogramJobs.Contracts.Costs;

namespace IdeogramJobs.Database.Costs;

/// <summary>A job's money columns alone, for a job grain that holds the rest of the row already.</summary>
public interface IJobCostStore
{
    Task<JobCost?> ReadAsync(long jobId, CancellationToken cancellationToken);
}
