namespace IdeogramJobs.Database.Webhooks;

/// <summary>The events an endpoint may subscribe to, as they appear in the payload's <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string JobCompleted = "job.completed";
    public const string JobFailed = "job.failed";
    public const string JobCancelled = "job.cancelled";
    public const string BudgetThresholdReached = "budget.threshold_reached";

    public static IReadOnlyList<string> All { get; } = [JobCompleted, JobFailed, JobCancelled, BudgetThresholdReached];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
