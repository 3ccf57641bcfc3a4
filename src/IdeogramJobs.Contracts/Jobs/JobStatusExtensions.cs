namespace IdeogramJobs.Contracts.Jobs;

public static class JobStatusExtensions
{
    public static bool IsTerminal(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The value of ssnews_jobs.status.</summary>
    public static string ToDatabase(this JobStatus status) => status.ToString().ToLowerInvariant();

    public static JobStatus FromDatabase(string value) =>
        Enum.TryParse<JobStatus>(value, ignoreCase: true, out var status)
            ? status
            : throw new ArgumentException($"'{value}' is not a job status.", nameof(value));
}
