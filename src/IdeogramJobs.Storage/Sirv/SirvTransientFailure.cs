namespace IdeogramJobs.Storage.Sirv;

/// <summary>A Sirv failure worth retrying within the same save (5xx, 408, 429, timeout, connection error).</summary>
internal sealed class SirvTransientFailure : ImageStorageException
{
    public SirvTransientFailure(string message, bool rateLimited = false, Exception? innerException = null)
        : base(message, isTransient: true, retryAfter: null, innerException)
    {
        RateLimited = rateLimited;
    }

    /// <summary>True for a 429: the retry waits at the rate-limit gate instead of backing off.</summary>
    public bool RateLimited { get; }
}
