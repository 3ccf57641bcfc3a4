using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Settings.Validation;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Configurations;

/// <summary>
/// An account's job types: the list (read from the table) and the names they are found by. Listing and
/// finding are an account's first use, so they give an account never seeded the default job types first.
/// </summary>
[StatelessWorker]
public sealed class JobCatalogGrain(IJobConfigurationStore store, JobTypeSeeder seeder) : Grain, IJobCatalogGrain
{
    // Once an activation has seen the account seeded it stays so: the record is never removed.
    private bool seeded;

    private string AccountId => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<JobConfiguration>> ListAsync(bool includeInactive)
    {
        await EnsureSeededAsync();
        return await store.ListAsync(AccountId, includeInactive, CancellationToken.None);
    }

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

    public async Task<int?> FindAsync(string jobTypeName)
    {
        await EnsureSeededAsync();
        return await store.FindAsync(AccountId, jobTypeName, CancellationToken.None);
    }

    public async Task<ConfigurationWriteResult> EnsureAsync(JobConfigurationDraft draft)
    {
        await EnsureSeededAsync();
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

    private async Task EnsureSeededAsync()
    {
        if (!seeded)
        {
            await seeder.SeedOnFirstUseAsync(AccountId, CancellationToken.None);
            seeded = true;
        }
    }
}
