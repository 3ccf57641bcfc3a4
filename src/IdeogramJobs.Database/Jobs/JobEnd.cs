using IdeogramJobs.Contracts.Costs;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// What a terminal write did: whether it ended the job (false when the row had moved on), and the job's money
/// as the row holds it after the write, read in the same round trip so the grain need not read it again.
/// </summary>
public readonly record struct JobEnd(bool Ended, JobCost? Cost);
