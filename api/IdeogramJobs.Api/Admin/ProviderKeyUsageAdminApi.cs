using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.OrganisationKeys;
using IdeogramJobs.Database.Usage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Admin;

/// <summary>
/// Usage analytics per organisation and per Ideogram key identity (<c>service</c>, <c>org:{id}</c>) for service
/// admins, beside the usage per account: jobs, completed, failures, cancelled and images over [from, to).
/// </summary>
public static class ProviderKeyUsageAdminApi
{
    public static IEndpointRouteBuilder MapProviderKeyUsageAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceAdminGroup()
            .MapGet("/usage/provider-keys", GetProviderKeyUsage)
            .WithName("GetProviderKeyUsage")
            .WithSummary("Usage over [from, to) per organisation (split by the key its jobs used) and per Ideogram key identity: jobs, completed, failed, cancelled, images; organizationId narrows it to one organisation")
            .ProducesValidationProblem();

        return app;
    }

    private static async Task<Results<Ok<ProviderKeyUsageReport>, ValidationProblem>> GetProviderKeyUsage(
        IProviderKeyUsageQueries usage, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null, string? organizationId = null)
    {
        var query = UsageRange.Parse(null, from, to, null, time.GetUtcNow(), out var errors);
        if (query is null)
        {
            return SettingsProblems.Invalid(errors, "The usage query is invalid.");
        }

        return TypedResults.Ok(await usage.GetAsync(query.From, query.To, string.IsNullOrEmpty(organizationId) ? null : organizationId, cancellationToken));
    }
}
