namespace IdeogramJobs.Contracts.Jobs;

[GenerateSerializer, Alias("ideogramjobs.submission-outcome")]
public enum SubmissionOutcome
{
    Accepted,
    Invalid,
    RateLimited,
    AccountInactive,
    JobTypeNotFound,
    JobTypeInactive,

    /// <summary>The idempotency key was used before with a different request.</summary>
    IdempotencyConflict,

    /// <summary>The job would take the account's month over its budget.</summary>
    BudgetExceeded,
}
