namespace IdeogramJobs.Contracts.Admin;

[GenerateSerializer, Immutable, Alias("ideogramjobs.usage-period")]
public sealed record UsagePeriod([property: Id(0)] DateTime Start, [property: Id(1)] UsageFigures Figures);
