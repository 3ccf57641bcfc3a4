using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Configurations;

/// <summary>
/// One job type (key: config_id). Serves reads from memory; writes go through to
/// ssnews_job_configurations. Every call names the caller's account, and a job type of another
/// account answers as if it did not exist.
/// </summary>
[Alias("ideogramjobs.job-configuration-grain")]
public interface IJobConfigurationGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<JobConfiguration?> GetAsync(string accountId);

    [Alias("update")]
    Task<ConfigurationWriteResult> UpdateAsync(string accountId, JobConfigurationDraft draft);

    [Alias("delete")]
    Task<bool> DeleteAsync(string accountId);

    /// <summary>Merges the caller's overrides (a JSON object as text) into the defaults; nothing is saved.</summary>
    [Alias("resolve")]
    Task<SettingsResolution> ResolveAsync(string accountId, string? overridesJson, bool isAdmin);

    /// <summary>
    /// The job type and its settings resolved with the caller's overrides in one call; null when the account has no such job type.
    /// Account grains no longer call it (they merge and judge a submission themselves, once its settings are concrete); it stays
    /// for those of the previous release during a rolling deploy.
    /// </summary>
    [Alias("get-resolved")]
    Task<ResolvedJobType?> GetResolvedAsync(string accountId, string? overridesJson, bool isAdmin);
}
