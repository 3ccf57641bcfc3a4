namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>Bounded waits whose failure names what was awaited.</summary>
public static class Await
{
    public static async Task<T> Within<T>(Task<T> task, string awaited, int seconds = 15)
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        if (finished != task)
        {
            throw new TimeoutException($"Waited {seconds} s for {awaited}.");
        }

        return await task;
    }

    public static async Task<TException> ThrowsWithin<TException>(Task task, string awaited, int seconds = 15)
        where TException : Exception
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        if (finished != task)
        {
            throw new TimeoutException($"Waited {seconds} s for {awaited}.");
        }

        return await Assert.ThrowsAsync<TException>(() => task);
    }

    /// <summary>Like <see cref="ThrowsWithin{TException}"/> but accepts derived exception types too.</summary>
    public static async Task<TException> ThrowsAnyWithin<TException>(Task task, string awaited, int seconds = 15)
        where TException : Exception
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        if (finished != task)
        {
            throw new TimeoutException($"Waited {seconds} s for {awaited}.");
        }

        return await Assert.ThrowsAnyAsync<TException>(() => task);
    }
}
