using System.Diagnostics;

namespace IdeogramJobs.Benchmarks.Load;

/// <summary>
/// Sends requests at a constant rate whatever the answers do (open loop), and measures each latency
/// from the time the request was due, not from when it was sent, so a stalled server or a late
/// sender shows up in the figures instead of hiding them (no coordinated omission).
/// </summary>
public static class OpenLoopLoad
{
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(30);

    /// <summary>Sends <c>rate × duration</c> requests; <paramref name="send"/> gets the request's number and returns whether it succeeded.</summary>
    public static async Task<LatencySummary> RunAsync(Func<int, CancellationToken, Task<bool>> send, int ratePerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var failed = new bool[total];
        var inflight = new List<Task>(total);
        var interval = Stopwatch.Frequency / (double)ratePerSecond;
        var start = Stopwatch.GetTimestamp();
        var lagMax = 0.0;
        var next = 0;
        while (next < total)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            while (next < total && start + (long)(next * interval) <= now)
            {
                var index = next++;
                var due = start + (long)(index * interval);
                lagMax = Math.Max(lagMax, Stopwatch.GetElapsedTime(due, now).TotalMilliseconds);
                inflight.Add(Task.Run(async () =>
                {
                    bool ok;
                    try
                    {
                        ok = await send(index, cancellationToken);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        ok = false;
                    }

                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    failed[index] = !ok;
                }, cancellationToken));
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(inflight).WaitAsync(DrainBound, cancellationToken);
        var succeeded = Enumerable.Range(0, total).Where(i => !failed[i]).Select(i => latencies[i]).ToList();
        return LatencySummary.From(succeeded, failed.Count(f => f), lagMax);
    }
}
