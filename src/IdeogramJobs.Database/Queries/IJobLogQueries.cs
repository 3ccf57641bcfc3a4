
namespace IdeogramJobs.Database.Queries;

/// <summary>Reads one job's system log lines, oldest first.</summary>
public interface IJobLogQueries
{
    /// <summary>The lines of the account's job, or null when the account has no such job.</summary>
    Task<IReadOnlyList<JobLogLine>?> ListAsync(string accountId, long jobId, CancellationToken cancellationToken);
}
