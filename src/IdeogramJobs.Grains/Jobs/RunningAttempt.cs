using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>An attempt that owns its job's row: the job as read after the claim, the attempt's token and its number.</summary>
public sealed record RunningAttempt(StoredJob Job, string Token, int Number);
