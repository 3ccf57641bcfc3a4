namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// The job an idempotency key created, and the fingerprint of the request it came with (null for keys
/// recorded before fingerprints were kept), so a replay with a different request can be told apart.
/// </summary>
public sealed record IdempotencyRecord(long JobId, string? RequestSha256);
