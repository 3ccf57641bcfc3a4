using IdeogramJobs.Contracts.OrganisationKeys;
using IdeogramJobs.Database.Usage;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.OrganisationKeys;

/// <summary>Usage per organisation and per key identity; it holds nothing, so it runs wherever it is called.</summary>
[StatelessWorker]
public sealed class ProviderKeyUsageGrain(IProviderKeyUsageQueries usage) : Grain, IProviderKeyUsageGrain
{
    public Task<ProviderKeyUsageReport> GetAsync(DateTime from, DateTime to, string? organizationId) =>
        usage.GetAsync(from, to, organizationId, CancellationToken.None);
}
