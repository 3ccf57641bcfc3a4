using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Jobs;

/// <summary>What became of a submission: the new job, or why it was refused and when to try again.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.submission-result")]
public sealed record SubmissionResult
{
    [Id(0)] public required SubmissionOutcome Outcome { get; init; }
    [Id(1)] public long? JobId { get; init; }
    [Id(2)] public JobStatus? Status { get; init; }
    [Id(3)] public JobSettings? FinalSettings { get; init; }
    [Id(4)] public IReadOnlyList<SettingsError> Errors { get; init; } = [];

    /// <summary>For a rate-limit refusal: which limit (e.g. "images_per_minute").</summary>
    [Id(5)] public string? Limit { get; init; }
    [Id(6)] public TimeSpan? RetryAfter { get; init; }
    [Id(7)] public string? Message { get; init; }

    /// <summary>True when an earlier submission with the same idempotency key is returned.</summary>
    [Id(8)] public bool Replayed { get; init; }

    /// <summary>For an accepted job: what it is expected to cost.</summary>
    [Id(9)] public CostEstimate? Estimate { get; init; }

    /// <summary>For a budget refusal: the budget and the figures that exceed it.</summary>
    [Id(10)] public BudgetRefusal? Budget { get; init; }

    public static SubmissionResult Refused(SubmissionOutcome outcome, string message, IReadOnlyList<SettingsError>? errors = null) =>
        new() { Outcome = outcome, Message = message, Errors = errors ?? [] };
}
