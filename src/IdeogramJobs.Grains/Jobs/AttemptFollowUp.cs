namespace IdeogramJobs.Grains.Jobs;

/// <summary>What follows an attempt (see <see cref="AttemptVerdict"/>).</summary>
public enum AttemptFollowUp
{
    /// <summary>The attempt lost the row (a cancel, or another activation took it): write nothing, follow the row.</summary>
    FollowRow,

    /// <summary>The job is done: every image stored.</summary>
    Complete,

    /// <summary>The job fails: a permanent failure, its retries spent, or interrupted too often.</summary>
    Fail,

    /// <summary>Another attempt follows after <see cref="AttemptVerdict.Delay"/>.</summary>
    Retry,
}
