namespace IdeogramJobs.Contracts.Events;

/// <summary>What happened to a job of the account: it was submitted, its status or progress changed, or an image arrived.</summary>
[GenerateSerializer, Alias("ideogramjobs.account-job-event-kind")]
public enum AccountJobEventKind
{
    Submitted,
    Status,
    Progress,
    Image,
}
