namespace IdeogramJobs.Contracts.Jobs;

[GenerateSerializer, Alias("ideogramjobs.job-event-kind")]
public enum JobEventKind
{
    Status,
    Progress,
    Image,
}
