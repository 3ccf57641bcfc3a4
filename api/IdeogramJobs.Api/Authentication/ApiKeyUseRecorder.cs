using System.Collections.Concurrent;
using System.Data.Common;
using IdeogramJobs.Database.Accounts;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// Records that a key was used (last_used_at), at most once per <see cref="Interval"/> per key, so
/// a busy client does not turn every request into a database write.
/// </summary>
public sealed class ApiKeyUseRecorder(IApiKeyStore store, TimeProvider time, ILogger<ApiKeyUseRecorder> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, DateTimeOffset> lastRecorded = new();

    public async Task RecordAsync(long keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (lastRecorded.TryGetValue(keyId, out var last) && now - last < Interval)
        {
            return;
        }

        lastRecorded[keyId] = now;
        try
        {
            await store.TouchAsync(keyId, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            // The request goes on: when a key was last used is bookkeeping, not access control.
            logger.LogWarning(e, "Could not record the use of API key {KeyId}", keyId);
        }
    }
}
