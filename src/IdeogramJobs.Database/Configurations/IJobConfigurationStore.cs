using IdeogramJobs.Contracts.Configurations;

namespace IdeogramJobs.Database.Configurations;

/// <summary>Job types in ssnews_job_configurations.</summary>
public interface IJobConfigurationStore
{
    Task<JobConfiguration?> GetAsync(int configId, CancellationToken cancellationToken);

    /// <summary>An account's job types in execution order (then config_id).</summary>
    Task<IReadOnlyList<JobConfiguration>> ListAsync(string accountId, bool includeInactive, CancellationToken cancellationToken);

    Task<int?> FindAsync(string accountId, string jobTypeName, CancellationToken cancellationToken);

    /// <summary>Inserts a job type; null when the account already has one of that name.</summary>
    Task<JobConfiguration?> InsertAsync(string accountId, JobConfigurationDraft draft, CancellationToken cancellationToken);

    /// <summary>Replaces a job type's fields; NameTaken when another of the account's job types has the name.</summary>
    Task<(ConfigurationWriteOutcome Outcome, JobConfiguration? Configuration)> UpdateAsync(int configId, JobConfigurationDraft draft, CancellationToken cancellationToken);

    /// <summary>Deletes a job type that no job used; false when it does not exist or jobs refer to it.</summary>
    Task<bool> DeleteAsync(int configId, CancellationToken cancellationToken);
}
