using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Grains.Configurations;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// Finds a submission's job type, by id or by name. A name found once is remembered, so later
/// submissions skip the table lookup; a job type renamed or deleted since no longer matches and is
/// looked up again.
/// </summary>
public sealed class JobTypeLookup(GrainReferences grains, string accountId)
{
    private readonly Dictionary<string, int> jobTypeIds = new(StringComparer.Ordinal);

    public async Task<JobConfiguration?> FindAsync(JobSubmission submission)
    {
        if (submission.ConfigId is { } configId)
        {
            return await GetAsync(configId);
        }

        if (submission.JobTypeName is not { } name)
        {
            return null;
        }

        if (jobTypeIds.TryGetValue(name, out var remembered)
            && await GetAsync(remembered) is { } known
            && known.JobTypeName == name)
        {
            return known;
        }

        var catalog = grains.Get<IJobCatalogGrain>(accountId);
        var found = name == DirectGenerationJobType.Name
            ? (await catalog.EnsureAsync(DirectGenerationJobType.Draft)).Configuration?.ConfigId
            : await catalog.FindAsync(name);
        if (found is not { } id)
        {
            jobTypeIds.Remove(name);
            return null;
        }

        jobTypeIds[name] = id;
        return await GetAsync(id);
    }

    private Task<JobConfiguration?> GetAsync(int configId) => grains.Get<IJobConfigurationGrain>(configId).GetAsync(accountId);
}
