namespace IdeogramJobs.Contracts.Admin;

[GenerateSerializer, Alias("ideogramjobs.usage-granularity")]
public enum UsageGranularity
{
    Day,
    Hour,
}
