namespace IdeogramJobs.Contracts.Events;

/// <summary>What happened to a job of the account: it was submitted, its status or progress changed, or an image arrived.</summary>
[GenerateSerializer, Alias("ideogramjobs.account-job-event-kind")]
public enum AccountJobEventKind
{
    Submitted,
    Status,
    Progress,
    Image,

    /// <summary>The account's month reached its budget's soft threshold (once per month).</summary>
    BudgetThreshold,
}
