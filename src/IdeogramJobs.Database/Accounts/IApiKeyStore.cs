using IdeogramJobs.Contracts.Admin;

namespace IdeogramJobs.Database.Accounts;

/// <summary>API keys (ssnews_api_keys): only SHA-256 hashes are stored.</summary>
public interface IApiKeyStore
{
    /// <summary>The live (not revoked) key with this hash and its account's state; null when unknown or revoked.</summary>
    Task<ApiKeyIdentity?> FindAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Generates and stores a key for the account; null when the account does not exist.</summary>
    Task<IssuedApiKey?> IssueAsync(string accountId, string name, ApiKeyRole role, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(string accountId, long keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Records that the key was used (at most once a minute per key is enough).</summary>
    Task TouchAsync(long keyId, CancellationToken cancellationToken);
}
