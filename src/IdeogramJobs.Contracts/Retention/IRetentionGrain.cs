namespace IdeogramJobs.Contracts.Retention;

/// <summary>
/// The one retention sweeper of the cluster (key <see cref="Key"/>): a reminder runs it on a schedule,
/// admins run it now or ask what it would delete. Runs never overlap: the grain takes one call at a time.
/// </summary>
[Alias("ideogramjobs.retention-grain")]
public interface IRetentionGrain : IGrainWithStringKey
{
    public const string Key = "retention";

    /// <summary>Registers the reminder that runs the sweep (idempotent); each silo asks at start.</summary>
    [Alias("ensure-scheduled")]
    Task EnsureScheduledAsync();

    /// <summary>What a run would delete now, per account, without deleting anything.</summary>
    [Alias("preview"), ResponseTimeout("00:05:00")]
    Task<RetentionReport> PreviewAsync(string? accountId);

    /// <summary>Deletes everything past its period now, in small batches, and reports what it deleted.</summary>
    [Alias("run"), ResponseTimeout("00:30:00")]
    Task<RetentionReport> RunAsync(string? accountId);

    [Alias("get-override")]
    Task<RetentionOverride?> GetOverrideAsync(string accountId);

    /// <summary>The account's effective policy after the override is saved (null clears every value).</summary>
    [Alias("set-override")]
    Task<RetentionPolicy> SetOverrideAsync(string accountId, RetentionOverride overrides);

    [Alias("policy")]
    Task<RetentionPolicy> GetPolicyAsync(string accountId);
}
