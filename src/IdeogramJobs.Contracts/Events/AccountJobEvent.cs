using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Contracts.Events;

/// <summary>
/// One change to one job of an account, numbered by the account's event grain so a watcher can ask
/// for what it has not seen. A finished job's event carries all its images.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-job-event")]
public sealed record AccountJobEvent
{
    /// <summary>Given by the account's event grain when it records the event (0 until then).</summary>
    [Id(0)] public long Sequence { get; init; }
    [Id(1)] public required long JobId { get; init; }
    [Id(2)] public required AccountJobEventKind Kind { get; init; }
    [Id(3)] public required JobStatus Status { get; init; }
    [Id(4)] public string? JobTypeName { get; init; }
    [Id(5)] public int ProgressPercentage { get; init; }
    [Id(6)] public string? Message { get; init; }
    [Id(7)] public IReadOnlyList<JobImage> Images { get; init; } = [];
    [Id(8)] public DateTime At { get; init; }

    /// <summary>For a budget threshold event: the alert raised (the job is the one that crossed).</summary>
    [Id(9)] public BudgetAlert? Budget { get; init; }
}
