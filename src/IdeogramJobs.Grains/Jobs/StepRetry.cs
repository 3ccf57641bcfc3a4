using IdeogramJobs.Database.Connections;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// Retries one step of an attempt after Ideogram answered (a download, an upload, a database write) a
/// few times in place, so a brief fault costs seconds instead of a whole attempt. The bound is small
/// on purpose: a longer outage ends the attempt, and the next one resumes from the saved answer.
/// A database that cannot be reached is waited for instead, until the attempt's own time runs out:
/// the answer in hand (paid for) would otherwise be lost and generated again, and the outage is ours,
/// not the job's.
/// </summary>
public sealed class StepRetry(TimeProvider time)
{
    public const int Tries = 3;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DatabaseWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="step"/>, again after a short backoff while <paramref name="retryAfter"/> says the
    /// failure is transient (returning its wait, or zero for the default) and tries remain.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> step, Func<Exception, TimeSpan?> retryAfter, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                return await step(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && DatabaseUnavailable.Is(e))
            {
                await Task.Delay(DatabaseWait, time, cancellationToken);
            }
            catch (Exception e) when (failures + 1 < Tries && !cancellationToken.IsCancellationRequested && retryAfter(e) is { } asked && asked <= LongestWait)
            {
                var backoff = FirstDelay * Math.Pow(2, failures++);
                await Task.Delay(asked > backoff ? asked : backoff, time, cancellationToken);
            }
        }
    }
}
