using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Jobs;

/// <summary>A submission the service took: where to follow it.</summary>
public sealed record JobAcceptedResponse(
    long JobId,
    JobStatus Status,
    JobSettings? FinalSettings,
    bool Replayed,
    string StatusUrl,
    string ResultsUrl,
    string EventsUrl,
    CostEstimate? Estimate = null);

/// <summary>A job's state, answered while it runs.</summary>
public sealed record JobStatusResponse(
    long JobId,
    JobStatus Status,
    string? JobType,
    int ConfigId,
    int Priority,
    int ProgressPercentage,
    string? ProgressDetails,
    int RetryCount,
    int MaxRetries,
    string? ErrorMessage,
    int ImageCount,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime? NextAttemptAt,
    long? RegeneratedFrom,
    RegenerationReplay? Replay,
    JobCost? Cost)
{
    public static JobStatusResponse From(JobSnapshot job) => new(
        job.JobId, job.Status, job.JobTypeName, job.ConfigId, job.Priority, job.ProgressPercentage, job.ProgressDetails,
        job.RetryCount, job.MaxRetries, job.ErrorMessage, job.Images.Count, job.CreatedAt, job.StartedAt, job.CompletedAt,
        job.NextAttemptAt, job.RegeneratedFrom, job.Replay, job.Cost);
}

/// <summary>A job's images so far (all of them once it is completed) and what made them.</summary>
public sealed record JobResultsResponse(
    long JobId,
    JobStatus Status,
    bool Complete,
    string Prompt,
    JobSettings? FinalSettings,
    IReadOnlyList<JobImage> Images,
    JobCost? Cost)
{
    /// <param name="address">Gives each image the absolute URL it is answered under.</param>
    public static JobResultsResponse From(JobSnapshot job, Func<JobImage, JobImage> address) =>
        new(job.JobId, job.Status, job.Status == JobStatus.Completed, job.Prompt, job.FinalSettings, [.. job.Images.Select(address)], job.Cost);
}
