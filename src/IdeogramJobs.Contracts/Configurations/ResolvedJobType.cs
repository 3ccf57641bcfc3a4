namespace IdeogramJobs.Contracts.Configurations;

/// <summary>A job type together with the settings a submission's overrides resolve to, so a submission asks its job type once.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.resolved-job-type")]
public sealed record ResolvedJobType
{
    [Id(0)] public required JobConfiguration Configuration { get; init; }
    [Id(1)] public required SettingsResolution Resolution { get; init; }
}
