using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// What one activation of a job knows, shared by the grain and the parts that act for it: the row as
/// this activation last read or changed it, and the token of the attempt it runs.
/// </summary>
public sealed class JobActivation(long jobId)
{
    public long JobId { get; } = jobId;

    public StoredJob? Job { get; set; }

    /// <summary>The token of this activation's running attempt, never taken over as if it were gone.</summary>
    public string? OwnToken { get; set; }

    /// <summary>Whether a cancel was asked for: an attempt that resumes sees it and stops.</summary>
    public bool CancelRequested { get; set; }

    public string? AccountId => Job?.AccountId;

    /// <summary>The images the job asks for at once: the units it takes of its key's capacity.</summary>
    public int Units => Job!.FinalSettings.ImageCount;

    /// <summary>The job when it belongs to <paramref name="accountId"/>; another account's job is not found.</summary>
    public StoredJob? Owned(string accountId) =>
        Job is not null && string.Equals(Job.AccountId, accountId, StringComparison.Ordinal) ? Job : null;
}
