using System.Net;

namespace IdeogramJobs.Ideogram.Failures;

/// <summary>
/// A failed Ideogram call, classified. <see cref="Exception.Message"/> is written for the person
/// who has to act on it and includes Ideogram's own error text; it never contains the API key.
/// </summary>
public class IdeogramException : Exception
{
    public IdeogramException(
        IdeogramFailureKind kind,
        string message,
        HttpStatusCode? statusCode = null,
        TimeSpan? retryAfter = null,
        string? providerMessage = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        ProviderMessage = providerMessage;
    }

    public IdeogramFailureKind Kind { get; }

    /// <summary>The HTTP status Ideogram answered with, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long Ideogram asked us to wait (Retry-After), or how long a circuit stays open.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Ideogram's own error text (detail, error or reject_reason), with any secret removed.</summary>
    public string? ProviderMessage { get; }

    /// <summary>True when the same request may succeed later: rate limits, provider errors, timeouts, unreachable, downloads.</summary>
    public bool IsTransient => IsTransientKind(Kind);

    public static bool IsTransientKind(IdeogramFailureKind kind) => kind switch
    {
        IdeogramFailureKind.RateLimited
            or IdeogramFailureKind.ProviderError
            or IdeogramFailureKind.CircuitOpen
            or IdeogramFailureKind.Timeout
            or IdeogramFailureKind.Unreachable
            or IdeogramFailureKind.DownloadFailed => true,
        _ => false,
    };
}
