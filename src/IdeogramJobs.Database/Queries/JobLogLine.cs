namespace IdeogramJobs.Database.Queries;

/// <summary>One line of a job's system log (ssnews_system_logs): each attempt's start, setbacks, retries and end.</summary>
public sealed record JobLogLine
{
    public required DateTime At { get; init; }
    public required string Level { get; init; }
    public required string Message { get; init; }
}
