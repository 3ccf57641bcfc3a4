namespace IdeogramJobs.Contracts.Queries;

/// <summary>One line of a job's system log (ssnews_system_logs): each attempt's start, setbacks, retries and end.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-log-line")]
public sealed record JobLogLine
{
    [Id(0)] public required DateTime At { get; init; }
    [Id(1)] public required string Level { get; init; }
    [Id(2)] public required string Message { get; init; }
}
