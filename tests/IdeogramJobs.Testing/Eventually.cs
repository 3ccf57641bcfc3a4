using System.Diagnostics;

namespace IdeogramJobs.Testing;

/// <summary>A bounded wait for a condition, failing with a message that names what was awaited.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string awaited, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        T last = default!;
        Exception? lastError = null;
        while (clock.Elapsed < within)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e)
            {
                lastError = e;
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException(
            $"Waited {within.TotalSeconds:0}s for {awaited}; last value: {last}" + (lastError is null ? string.Empty : $"; last error: {lastError.Message}"));
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan within, string awaited) =>
        Until(probe, ok => ok, within, awaited);
}
