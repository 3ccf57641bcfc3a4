using IdeogramJobs.Database.Accounts;
using Microsoft.Extensions.Caching.Memory;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// Who a key hash belongs to, remembered briefly so that a busy client does not cost a database
/// read per request. Revoking a key or changing its account's state through this API instance
/// forgets the affected entries at once; other API instances notice within <see cref="Lifetime"/>.
/// An entry is kept for <see cref="OutageLifetime"/> for when the database cannot be reached.
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a key's last known owner answers while the database is down. Nobody can revoke a key
    /// then (revoking writes to the database), so the last answer still holds.
    /// </summary>
    public static readonly TimeSpan OutageLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Bounds memory however many distinct keys are presented.</summary>
    private const long MaxEntries = 100_000;

    private readonly MemoryCache cache;
    private readonly TimeProvider time;

    public ApiKeyCache(TimeProvider time)
    {
        this.time = time;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntries * 2 });
    }

    public bool TryGet(string keyHash, out ApiKeyIdentity? identity)
    {
        identity = null;
        if (!cache.TryGetValue(new HashEntry(keyHash), out CachedIdentity? cached) || cached is null)
        {
            return false;
        }

        if (cached.ExpiresAt <= time.GetUtcNow())
        {
            return false;
        }

        identity = cached.Identity;
        return true;
    }

    /// <summary>The key's last known owner however old (within <see cref="OutageLifetime"/>), for when the database cannot be asked.</summary>
    public bool TryGetLastKnown(string keyHash, out ApiKeyIdentity? identity)
    {
        identity = cache.TryGetValue(new HashEntry(keyHash), out CachedIdentity? cached) ? cached?.Identity : null;
        return identity is not null;
    }

    public void Remember(string keyHash, ApiKeyIdentity identity)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        // The cache's own expiry only reclaims memory; freshness is judged with the injected clock.
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = OutageLifetime, Size = 1 };
        cache.Set(new HashEntry(keyHash), new CachedIdentity(identity, expiresAt), options);
        cache.Set(new KeyIdEntry(identity.KeyId), keyHash, options);
    }

    /// <summary>Forgets a key (after it was revoked), so it stops working on this instance at once.</summary>
    public void ForgetKey(long keyId)
    {
        if (cache.TryGetValue(new KeyIdEntry(keyId), out string? keyHash) && keyHash is not null)
        {
            cache.Remove(new HashEntry(keyHash));
        }

        cache.Remove(new KeyIdEntry(keyId));
    }

    /// <summary>
    /// Forgets every key after an account was activated or deactivated. This is rare, so forgetting
    /// all keys (each is read again once) is simpler than tracking the keys of each account.
    /// </summary>
    public void ForgetAll() => cache.Clear();

    public void Dispose() => cache.Dispose();

    private sealed record HashEntry(string KeyHash);

    private sealed record KeyIdEntry(long KeyId);

    private sealed record CachedIdentity(ApiKeyIdentity Identity, DateTimeOffset ExpiresAt);
}
