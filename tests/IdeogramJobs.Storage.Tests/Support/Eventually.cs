using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Storage.Tests.Support;

/// <summary>Bounded waits for things that happen on other threads; a timeout names what was awaited.</summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string awaited)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"Timed out after {Limit.TotalSeconds} s waiting for {awaited}.");
            }

            await Task.Delay(10);
        }
    }

    public static async Task<T> CompletesAsync<T>(Task<T> task, string awaited)
    {
        var finished = await Task.WhenAny(task, Task.Delay(Limit));
        if (finished != task)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds} s waiting for {awaited}.");
        }

        return await task;
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

            if (advanced >= maxFakeTime || clock.Elapsed > Limit)
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
