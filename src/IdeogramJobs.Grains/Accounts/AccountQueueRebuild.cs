using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// Makes the in-memory queue match ssnews_jobs, the truth: on activation, and whenever a one-way
/// "job ended" may have been lost with a silo.
/// </summary>
public sealed class AccountQueueRebuild(IJobStore jobs, AccountQueue queue, string accountId)
{
    public async Task FromTableAsync(CancellationToken cancellationToken)
    {
        var unfinished = await jobs.ListUnfinishedAsync(accountId, cancellationToken);
        var known = unfinished.Select(j => j.JobId).ToHashSet();
        foreach (var stale in queue.InFlight.Concat(queue.Pending).Where(id => !known.Contains(id)).ToList())
        {
            queue.Remove(stale);
        }

        foreach (var job in unfinished)
        {
            // A dispatched job holds its slot while it waits for Ideogram capacity, across restarts too.
            if (job.Dispatched)
            {
                queue.AddInFlight(job.JobId);
            }
            else if (!queue.InFlight.Contains(job.JobId))
            {
                queue.Enqueue(new QueuedJob(job.JobId, job.Priority, job.CreatedAt));
            }
        }
    }
}
