using IdeogramJobs.Contracts.Accounts;
using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Admin;

/// <summary>Service administration: accounts, their API keys, usage across accounts. Key 0.</summary>
[Alias("ideogramjobs.admin-grain")]
public interface IAdminGrain : IGrainWithIntegerKey
{
    /// <summary>An account in an organisation (both created when missing), with the default job types.</summary>
    [Alias("create-account")]
    Task<AccountSummary> CreateAccountAsync(string organizationSlug, string organizationName, string accountSlug, string accountName);

    [Alias("list-accounts")]
    Task<IReadOnlyList<AccountSummary>> ListAccountsAsync();

    [Alias("issue-key")]
    Task<IssuedApiKey?> IssueApiKeyAsync(string accountId, string name, ApiKeyRole role);

    [Alias("revoke-key")]
    Task<bool> RevokeApiKeyAsync(string accountId, long keyId);

    [Alias("list-keys")]
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(string accountId);

    [ReadOnly, Alias("usage")]
    Task<UsageReport> GetUsageAsync(UsageQuery query);

    /// <summary>Each active silo with its activations, CPU and memory, for operators scaling the cluster.</summary>
    [ReadOnly, Alias("cluster")]
    Task<ClusterSnapshot> GetClusterAsync();
}
