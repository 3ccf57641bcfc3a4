using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Tenancy;
using IdeogramJobs.Database.Usage;
using IdeogramJobs.Grains.Accounts;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Admin;

/// <summary>Service administration; it holds nothing, so it runs wherever it is called.</summary>
[StatelessWorker]
public sealed class AdminGrain(
    AccountProvisioner provisioner,
    IAccountStore accounts,
    IApiKeyStore keys,
    IUsageQueries usage,
    ILogger<AdminGrain> logger) : Grain, IAdminGrain
{
    public async Task<AccountSummary> CreateAccountAsync(string organizationSlug, string organizationName, string accountSlug, string accountName)
    {
        var organizationId = await provisioner.EnsureOrganizationAsync(organizationSlug, organizationName, CancellationToken.None);
        var accountId = await provisioner.EnsureAccountAsync(organizationId, accountSlug, accountName, CancellationToken.None);
        logger.LogInformation("Account {AccountId} ({AccountSlug}) is ready in organisation {OrganizationId}", accountId, accountSlug, organizationId);
        var account = await accounts.GetAsync(accountId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Account {accountId} was created but cannot be read back.");
        return account.ToSummary();
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAccountsAsync() =>
        [.. (await accounts.ListAsync(CancellationToken.None)).Select(a => a.ToSummary())];

    public async Task<IssuedApiKey?> IssueApiKeyAsync(string accountId, string name, ApiKeyRole role)
    {
        var issued = await keys.IssueAsync(accountId, name, role, CancellationToken.None);
        if (issued is not null)
        {
            logger.LogInformation("API key {KeyId} ({KeyPrefix}, {Role}) issued for {AccountId}", issued.KeyId, issued.Prefix, role, accountId);
        }

        return issued;
    }

    public async Task<bool> RevokeApiKeyAsync(string accountId, long keyId)
    {
        var revoked = await keys.RevokeAsync(accountId, keyId, CancellationToken.None);
        if (revoked)
        {
            logger.LogInformation("API key {KeyId} of {AccountId} revoked", keyId, accountId);
        }

        return revoked;
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(string accountId) => keys.ListAsync(accountId, CancellationToken.None);

    public Task<UsageReport> GetUsageAsync(UsageQuery query) => usage.GetAsync(query, CancellationToken.None);

    public async Task<ClusterSnapshot> GetClusterAsync()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var addresses = hosts.Keys.ToArray();
        // The statistics come back in the order of the addresses asked for.
        var statistics = await management.GetRuntimeStatistics(addresses);
        return new ClusterSnapshot { Silos = [.. addresses.Select((address, i) => ToSnapshot(address, hosts[address], statistics[i]))] };
    }

    private static SiloSnapshot ToSnapshot(SiloAddress address, SiloStatus status, SiloRuntimeStatistics statistics) => new()
    {
        SiloAddress = address.ToString(),
        Status = status.ToString(),
        ActivationCount = statistics.ActivationCount,
        RecentlyUsedActivationCount = statistics.RecentlyUsedActivationCount,
        CpuUsagePercent = statistics.EnvironmentStatistics.FilteredCpuUsagePercentage,
        MemoryUsageBytes = statistics.EnvironmentStatistics.FilteredMemoryUsageBytes,
        AvailableMemoryBytes = statistics.EnvironmentStatistics.FilteredAvailableMemoryBytes,
        MaximumAvailableMemoryBytes = statistics.EnvironmentStatistics.MaximumAvailableMemoryBytes,
        IsOverloaded = statistics.IsOverloaded,
        ClientCount = statistics.ClientCount,
        AsOf = statistics.DateTime,
    };
}
