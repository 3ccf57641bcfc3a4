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
}
