using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Tenancy;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Database.Seeding;

/// <summary>
/// Development only: a demo organisation and account (with the default job types) that the
/// given key opens. The key comes from the development runner, which keeps it out of the repository.
/// </summary>
public sealed class DemoTenantSeeder(AccountProvisioner provisioner, ILogger<DemoTenantSeeder> logger)
{
    public async Task<string> EnsureAsync(string demoApiKey, CancellationToken cancellationToken)
    {
        var organizationId = await provisioner.EnsureOrganizationAsync("demo", "Demo Organisation", cancellationToken);
        var accountId = await provisioner.EnsureAccountAsync(organizationId, "demo", "Demo Account", cancellationToken);
        // The demo key may also shape the demo account's job types.
        await provisioner.AddApiKeyAsync(accountId, "demo", demoApiKey, ApiKeyRole.Admin, cancellationToken);
        logger.LogInformation("Demo account {AccountId} is ready", accountId);
        return accountId;
    }
}
