namespace IdeogramJobs.Contracts.Configurations;

[GenerateSerializer, Alias("ideogramjobs.configuration-write-outcome")]
public enum ConfigurationWriteOutcome
{
    Saved,
    Invalid,
    NotFound,
    NameTaken,
}
