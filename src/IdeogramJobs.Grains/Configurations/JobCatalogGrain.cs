using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Grains.Configurations.Settings;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Configurations;

/// <summary>An account's job types: the list (read from the table) and the names they are found by.</summary>
[StatelessWorker]
public sealed class JobCatalogGrain(IJobConfigurationStore store) : Grain, IJobCatalogGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public Task<IReadOnlyList<JobConfiguration>> ListAsync(bool includeInactive) =>
        store.ListAsync(AccountId, includeInactive, CancellationToken.None);

    public async Task<ConfigurationWriteResult> CreateAsync(JobConfigurationDraft draft)
    {
        var errors = JobConfigurationValidator.Validate(draft);
        if (errors.Count > 0)
        {
            return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Invalid, Errors = errors };
        }

        var saved = await store.InsertAsync(AccountId, draft, CancellationToken.None);
        return saved is null
            ? new ConfigurationWriteResult
            {
                Outcome = ConfigurationWriteOutcome.NameTaken,
                Errors = [new("jobTypeName", "The account already has a job type of this name.", draft.JobTypeName)],
            }
            : new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Saved, Configuration = saved };
    }

    public Task<int?> FindAsync(string jobTypeName) => store.FindAsync(AccountId, jobTypeName, CancellationToken.None);

    public async Task<ConfigurationWriteResult> EnsureAsync(JobConfigurationDraft draft)
    {
        if (await store.FindAsync(AccountId, draft.JobTypeName, CancellationToken.None) is { } existing)
        {
            return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Saved, Configuration = await store.GetAsync(existing, CancellationToken.None) };
        }

        var created = await CreateAsync(draft);
        // Two callers racing to create it: the loser finds the winner's.
        return created.Outcome == ConfigurationWriteOutcome.NameTaken && await store.FindAsync(AccountId, draft.JobTypeName, CancellationToken.None) is { } raced
            ? new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Saved, Configuration = await store.GetAsync(raced, CancellationToken.None) }
            : created;
    }
}
