using IdeogramJobs.Contracts.OrganisationKeys;

namespace IdeogramJobs.Database.Usage;

/// <summary>Usage per organisation and per Ideogram key identity, from ssnews_jobs joined with ideogram_job_keys.</summary>
public interface IProviderKeyUsageQueries
{
    Task<ProviderKeyUsageReport> GetAsync(DateTime from, DateTime to, string? organizationId, CancellationToken cancellationToken);
}
