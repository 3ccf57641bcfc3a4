namespace IdeogramJobs.Contracts.Jobs;

[GenerateSerializer, Alias("ideogramjobs.job-command-outcome")]
public enum JobCommandOutcome
{
    Done,
    NotFound,
    NotAllowed,
    RateLimited,

    /// <summary>Running the job again would take the account's month over its budget.</summary>
    BudgetExceeded,
}
