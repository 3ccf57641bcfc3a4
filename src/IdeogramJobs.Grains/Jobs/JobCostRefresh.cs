using IdeogramJobs.Database.Costs;
using IdeogramJobs.Database.Jobs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// Gives a job that just ended the cost and billed amounts its row now holds, so its answers show them
/// without reading the whole job again. A read that fails leaves the job as it was: the amounts are in
/// the row all the same, and the next activation reads them.
/// </summary>
public sealed class JobCostRefresh(IJobCostStore costs, ILogger<JobCostRefresh> logger)
{
    public async Task<StoredJob> WithCostAsync(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            return job with { Cost = await costs.ReadAsync(job.JobId, CancellationToken.None) ?? job.Cost };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobId}: its cost could not be read after it ended", job.JobId);
            return job;
        }
    }
}
