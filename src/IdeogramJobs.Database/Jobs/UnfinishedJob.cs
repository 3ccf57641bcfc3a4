using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Jobs;

/// <summary>A queued or processing job of an account, with what orders the queue.</summary>
public sealed record UnfinishedJob(long JobId, JobStatus Status, int Priority, DateTime CreatedAt, int NumImages);
