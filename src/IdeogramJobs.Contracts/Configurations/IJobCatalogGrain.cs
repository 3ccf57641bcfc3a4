namespace IdeogramJobs.Contracts.Configurations;

/// <summary>The job types of one account (key: account_id): listing, creating, finding by name.</summary>
[Alias("ideogramjobs.job-catalog-grain")]
public interface IJobCatalogGrain : IGrainWithStringKey
{
    [Alias("list")]
    Task<IReadOnlyList<JobConfiguration>> ListAsync(bool includeInactive);

    [Alias("create")]
    Task<ConfigurationWriteResult> CreateAsync(JobConfigurationDraft draft);

    [Alias("find")]
    Task<int?> FindAsync(string jobTypeName);

    /// <summary>The id of the account's job type of the draft's name, created from the draft when missing.</summary>
    [Alias("ensure")]
    Task<ConfigurationWriteResult> EnsureAsync(JobConfigurationDraft draft);
}
