namespace IdeogramJobs.Storage;

/// <summary>An image could not be stored.</summary>
public class ImageStorageException : Exception
{
    public ImageStorageException(string message, bool isTransient)
        : this(message, isTransient, retryAfter: null, innerException: null)
    {
    }

    public ImageStorageException(string message, bool isTransient, TimeSpan? retryAfter, Exception? innerException)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>True when the same save may succeed later (outage, rate limit, timeout).</summary>
    public bool IsTransient { get; }

    /// <summary>When known, how long to wait before trying again (for example until a rate limit resets).</summary>
    public TimeSpan? RetryAfter { get; }
}
