using System.Globalization;
using IdeogramJobs.Ideogram.Failures;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>Waits that end: each fails after its limit with a message naming what was awaited.</summary>
public static class BoundedWait
{
    /// <summary>Far beyond any call in these tests (latency 0, timeouts of seconds), so only a stuck call reaches it.</summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Within<T>(Task<T> task, string awaited)
    {
        try
        {
            return await task.WaitAsync(CallLimit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Waited {CallLimit.TotalSeconds} s for {awaited}."));
        }
    }

    /// <summary>Awaits a call that must fail with an <see cref="IdeogramException"/> (not a settings refusal) and returns it.</summary>
    public static async Task<IdeogramException> FailureWithin(Task task, string awaited)
    {
        try
        {
            await task.WaitAsync(CallLimit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Waited {CallLimit.TotalSeconds} s for {awaited}."));
        }
        catch (IdeogramException failure)
        {
            Assert.IsNotType<IdeogramSettingsException>(failure);
            return failure;
        }

        Assert.Fail($"Expected {awaited}, but the call succeeded.");
        return null!;
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds, at most <paramref name="limit"/>.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string awaited, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Waited {limit.TotalSeconds} s for {awaited}; last value: {value}"));
            }

            await Task.Delay(PollInterval);
        }
    }
}
