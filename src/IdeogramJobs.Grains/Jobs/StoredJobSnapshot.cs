using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>The answer to a job's status read, made from its row.</summary>
public static class StoredJobSnapshot
{
    public static JobSnapshot ToSnapshot(this StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobSnapshot
        {
            JobId = job.JobId,
            AccountId = job.AccountId,
            Status = job.Status,
            ConfigId = job.ConfigId,
            JobTypeName = job.JobTypeName,
            Prompt = job.Prompt,
            Priority = job.Priority,
            ProgressPercentage = job.ProgressPercentage,
            ProgressDetails = job.ProgressDetails,
            RetryCount = job.RetryCount,
            MaxRetries = job.MaxRetries,
            ErrorMessage = job.ErrorMessage,
            CreatedAt = job.CreatedAt,
            StartedAt = job.StartedAt,
            CompletedAt = job.CompletedAt,
            FinalSettings = job.FinalSettings,
            Images = job.Images,
            RegeneratedFrom = job.RegeneratedFrom,
            Replay = job.Replay,
            NextAttemptAt = job.NextAttemptAt,
            Cost = job.Cost,
        };
    }
}
