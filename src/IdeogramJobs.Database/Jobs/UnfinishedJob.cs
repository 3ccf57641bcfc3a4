using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// A queued or processing job of an account, with what orders the queue. <see cref="Dispatched"/>:
/// the account already handed it to the engine (it runs, or waits for Ideogram capacity), so it counts
/// against the concurrency cap.
/// </summary>
public sealed record UnfinishedJob(long JobId, JobStatus Status, int Priority, DateTime CreatedAt, int NumImages, bool Dispatched);
