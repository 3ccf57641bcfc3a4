namespace IdeogramJobs.Contracts.Jobs;

[GenerateSerializer, Alias("ideogramjobs.job-command-outcome")]
public enum JobCommandOutcome
{
    Done,
    NotFound,
    NotAllowed,
    RateLimited,
}
