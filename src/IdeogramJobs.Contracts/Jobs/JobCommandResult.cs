namespace IdeogramJobs.Contracts.Jobs;

/// <summary>The answer to cancel or retry: done, not found, or not allowed in the job's state.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-command-result")]
public sealed record JobCommandResult
{
    [Id(0)] public required JobCommandOutcome Outcome { get; init; }
    [Id(1)] public JobStatus? Status { get; init; }
    [Id(2)] public string? Message { get; init; }

    public static JobCommandResult NotFound { get; } = new() { Outcome = JobCommandOutcome.NotFound, Message = "No such job." };
}
