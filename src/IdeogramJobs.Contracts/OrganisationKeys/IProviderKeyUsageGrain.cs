using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>Usage analytics per organisation and per Ideogram key identity, for service admins. Key 0.</summary>
[Alias("orgkey.provider-key-usage-grain")]
public interface IProviderKeyUsageGrain : IGrainWithIntegerKey
{
    /// <summary>Usage over [<paramref name="from"/>, <paramref name="to"/>), of one organisation when <paramref name="organizationId"/> is given.</summary>
    [ReadOnly, Alias("orgkey.usage")]
    Task<ProviderKeyUsageReport> GetAsync(DateTime from, DateTime to, string? organizationId);
}
