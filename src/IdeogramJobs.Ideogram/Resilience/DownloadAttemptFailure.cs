namespace IdeogramJobs.Ideogram.Resilience;

/// <summary>
/// One failed try at fetching a generated image, saying whether trying the same URL again can
/// help (5xx, 408, 429, a broken connection) or not (expired URL, wrong type, too large).
/// Turned into an <see cref="Failures.IdeogramException"/> once the retries are spent.
/// </summary>
internal sealed class DownloadAttemptFailure(string reason, bool retryable, Exception? inner = null) : Exception(reason, inner)
{
    public bool Retryable { get; } = retryable;
}
