namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// One API call of the database-outage scenario: when it was sent (seconds into the run), how long its
/// answer took, its status, and for a 503 whether it carried Retry-After and said the database is unavailable.
/// </summary>
public sealed record OutageCall(string Kind, double SentAt, double Milliseconds, int Status, bool RetryAfter, bool NamesDatabase);
