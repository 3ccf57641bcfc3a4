using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Grains.Configurations;

/// <summary>
/// One job type. It is the cache the specification asks for: the row is read once per
/// activation and every write goes through this single activation to the table, so reads on any
/// silo see the latest save.
/// </summary>
public sealed class JobConfigurationGrain(IJobConfigurationStore store) : Grain, IJobConfigurationGrain
{
    private JobConfiguration? configuration;

    private int ConfigId => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        configuration = await store.GetAsync(ConfigId, cancellationToken);

    public Task<JobConfiguration?> GetAsync(string accountId) => Task.FromResult(Owned(accountId));

    public async Task<ConfigurationWriteResult> UpdateAsync(string accountId, JobConfigurationDraft draft)
    {
        if (Owned(accountId) is null)
        {
            return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.NotFound };
        }

        var errors = JobConfigurationValidator.Validate(draft);
        if (errors.Count > 0)
        {
            return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Invalid, Errors = errors };
        }

        var (outcome, saved) = await store.UpdateAsync(ConfigId, draft, CancellationToken.None);
        if (saved is not null)
        {
            configuration = saved;
        }

        return new ConfigurationWriteResult { Outcome = outcome, Configuration = saved };
    }

    public async Task<bool> DeleteAsync(string accountId)
    {
        if (Owned(accountId) is null || !await store.DeleteAsync(ConfigId, CancellationToken.None))
        {
            return false;
        }

        configuration = null;
        DeactivateOnIdle();
        return true;
    }

    public Task<SettingsResolution> ResolveAsync(string accountId, string? overridesJson, bool isAdmin) =>
        Task.FromResult(Owned(accountId) is { } owned
            ? SettingsResolver.Resolve(owned, overridesJson, isAdmin)
            : new SettingsResolution { Errors = [new("configId", "No such job type.")] });

    public Task<ResolvedJobType?> GetResolvedAsync(string accountId, string? overridesJson, bool isAdmin) =>
        Task.FromResult(Owned(accountId) is { } owned
            ? new ResolvedJobType { Configuration = owned, Resolution = SettingsResolver.Resolve(owned, overridesJson, isAdmin) }
            : null);

    /// <summary>The job type when it belongs to the account; another account's is "not found".</summary>
    private JobConfiguration? Owned(string accountId) =>
        configuration is not null && string.Equals(configuration.AccountId, accountId, StringComparison.Ordinal) ? configuration : null;
}
