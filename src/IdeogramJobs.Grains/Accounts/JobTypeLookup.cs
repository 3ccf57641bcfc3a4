using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Grains.Configurations;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// Finds a submission's job type, by id or by name, with its settings resolved from the submission's
/// overrides in the same grain call. A name found once is remembered, so later submissions skip the
/// table lookup; a job type renamed or deleted since no longer matches and is looked up again.
/// </summary>
public sealed class JobTypeLookup(IGrainFactory grains, string accountId)
{
    private readonly Dictionary<string, int> jobTypeIds = new(StringComparer.Ordinal);

    public async Task<ResolvedJobType?> FindAsync(JobSubmission submission)
    {
        if (submission.ConfigId is { } configId)
        {
            return await ResolveAsync(configId, submission);
        }

        if (submission.JobTypeName is not { } name)
        {
            return null;
        }

        if (jobTypeIds.TryGetValue(name, out var remembered)
            && await ResolveAsync(remembered, submission) is { } known
            && known.Configuration.JobTypeName == name)
        {
            return known;
        }

        var catalog = grains.GetGrain<IJobCatalogGrain>(accountId);
        var found = name == DirectGenerationJobType.Name
            ? (await catalog.EnsureAsync(DirectGenerationJobType.Draft)).Configuration?.ConfigId
            : await catalog.FindAsync(name);
        if (found is not { } id)
        {
            jobTypeIds.Remove(name);
            return null;
        }

        jobTypeIds[name] = id;
        return await ResolveAsync(id, submission);
    }

    private Task<ResolvedJobType?> ResolveAsync(int configId, JobSubmission submission) =>
        grains.GetGrain<IJobConfigurationGrain>(configId).GetResolvedAsync(accountId, submission.OverridesJson, submission.IsAdmin);
}
