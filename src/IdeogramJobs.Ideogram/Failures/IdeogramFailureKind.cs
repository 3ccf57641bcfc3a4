namespace IdeogramJobs.Ideogram.Failures;

/// <summary>Why a call to Ideogram failed; decides whether trying again can help.</summary>
public enum IdeogramFailureKind
{
    /// <summary>400 (or another 4xx not listed here), or settings refused before sending. Permanent.</summary>
    InvalidRequest,

    /// <summary>401 or 403: the API key is wrong or its organisation lacks access. Permanent.</summary>
    Unauthorized,

    /// <summary>402: out of credit or over the daily limit. Permanent until the account changes.</summary>
    PaymentRequired,

    /// <summary>404: a referenced model or asset does not exist. Permanent.</summary>
    NotFound,

    /// <summary>422: the prompt or an input image failed Ideogram's safety check. Permanent for that prompt.</summary>
    SafetyRejected,

    /// <summary>429: over the organisation's in-flight limit (or another rate limit). Transient.</summary>
    RateLimited,

    /// <summary>5xx, or the connection broke mid-answer. Transient.</summary>
    ProviderError,

    /// <summary>Calls are paused after repeated provider failures (circuit breaker open). Transient.</summary>
    CircuitOpen,

    /// <summary>No answer within the attempt timeout. Transient (but the generation may still be billed).</summary>
    Timeout,

    /// <summary>Could not connect: connection refused, DNS failure. Transient.</summary>
    Unreachable,

    /// <summary>A generated image could not be downloaded or was not an acceptable image. Transient.</summary>
    DownloadFailed,

    /// <summary>
    /// A 200 answer (or a redirect) that cannot be read as a generation. Permanent: retrying
    /// would pay for another generation that would most likely be unreadable in the same way.
    /// </summary>
    InvalidResponse,
}
