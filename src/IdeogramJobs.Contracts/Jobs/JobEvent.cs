namespace IdeogramJobs.Contracts.Jobs;

/// <summary>One step of a job's progress, numbered so a watcher can ask for what it has not seen.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-event")]
public sealed record JobEvent
{
    [Id(0)] public required long Sequence { get; init; }
    [Id(1)] public required JobEventKind Kind { get; init; }
    [Id(2)] public required JobStatus Status { get; init; }
    [Id(3)] public int ProgressPercentage { get; init; }
    [Id(4)] public string? Message { get; init; }
    [Id(5)] public JobImage? Image { get; init; }
    [Id(6)] public DateTime At { get; init; }
}
