using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Testing;

/// <summary>Bounded waits for things that happen elsewhere; each fails with a message naming what was awaited.</summary>
public static class Eventually
{
    /// <summary>The bound of the waits that take none: far beyond any step a test waits for, so only a stuck one reaches it.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; a probe that throws is tried again.</summary>
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

    /// <summary>Polls <paramref name="condition"/> every 10 ms until it holds.</summary>
    public static async Task TrueAsync(Func<bool> condition, string awaited, TimeSpan? within = null)
    {
        var limit = within ?? DefaultLimit;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting for {awaited}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The task's result, or a timeout naming <paramref name="awaited"/> when it does not finish in time.</summary>
    public static async Task<T> CompletesAsync<T>(Task<T> task, string awaited, TimeSpan? within = null)
    {
        await CompletesAsync((Task)task, awaited, within);
        return await task;
    }

    /// <inheritdoc cref="CompletesAsync{T}"/>
    public static async Task CompletesAsync(Task task, string awaited, TimeSpan? within = null)
    {
        var limit = within ?? DefaultLimit;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting for {awaited}.");
        }
    }

    /// <summary>
    /// Advances the fake clock in steps until the task completes, so retry backoff and rate-limit holds
    /// run without real waiting. Bounded both in fake and in real time.
    /// </summary>
    public static async Task<T> CompletesWhileAdvancingAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan step, TimeSpan maxFakeTime, string awaited)
    {
        await CompletesWhileAdvancingAsync((Task)task, time, step, maxFakeTime, awaited);
        return await task;
    }

    /// <inheritdoc cref="CompletesWhileAdvancingAsync{T}"/>
    public static async Task CompletesWhileAdvancingAsync(Task task, FakeTimeProvider time, TimeSpan step, TimeSpan maxFakeTime, string awaited)
    {
        var clock = Stopwatch.StartNew();
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(20));
            if (task.IsCompleted)
            {
                break;
            }

            if (advanced >= maxFakeTime || clock.Elapsed > DefaultLimit)
            {
                throw new TimeoutException(
                    $"Waited for {awaited}: not done after advancing the fake clock {advanced.TotalSeconds} s ({clock.Elapsed.TotalSeconds:F1} s real).");
            }

            time.Advance(step);
            advanced += step;
        }

        await task;
    }
}
