namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// Retries one step of an attempt after Ideogram answered (a download, an upload, a database write) a
/// few times in place, so a brief fault costs seconds instead of a whole attempt. The bound is small
/// on purpose: a longer outage ends the attempt, and the next one resumes from the saved answer.
/// </summary>
public sealed class StepRetry(TimeProvider time)
{
    public const int Tries = 3;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="step"/>, again after a short backoff while <paramref name="retryAfter"/> says the
    /// failure is transient (returning its wait, or zero for the default) and tries remain.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> step, Func<Exception, TimeSpan?> retryAfter, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step(cancellationToken);
            }
            catch (Exception e) when (attempt < Tries && !cancellationToken.IsCancellationRequested && retryAfter(e) is { } asked && asked <= LongestWait)
            {
                var backoff = FirstDelay * Math.Pow(2, attempt - 1);
                await Task.Delay(asked > backoff ? asked : backoff, time, cancellationToken);
            }
        }
    }
}
