namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// An attempt taking ownership of a job row: its token (checked by every later write of the attempt),
/// the silo running it, and the time by which it has surely ended (its timeout plus a margin), after
/// which another activation may take the row over even if that silo still looks alive.
/// </summary>
public sealed record AttemptClaim(string Token, string WorkerId, DateTime Deadline, string ProgressDetails);
