namespace IdeogramJobs.Contracts.Jobs;

/// <summary>A job's state, as ssnews_jobs.status spells it (lower case in the database).</summary>
[GenerateSerializer, Alias("ideogramjobs.job-status")]
public enum JobStatus
{
    Queued,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
