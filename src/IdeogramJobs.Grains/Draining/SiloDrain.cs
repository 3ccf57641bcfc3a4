using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Draining;

/// <summary>
/// A graceful stop of this silo, first of all its shutdown steps (while the silo is still a member and
/// grains still answer): from then on no job starts an attempt here, the attempts running get
/// <see cref="SiloDrainOptions.DrainSeconds"/> to finish, and those still running after that are
/// stopped, to be handed over without spending one of their job's attempts. Orleans then deactivates
/// the grains, which moves the waiting jobs to the silos that stay.
/// </summary>
public sealed class SiloDrain(IOptions<SiloDrainOptions> options, TimeProvider time, ILogger<SiloDrain> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long attempts stopped at the end of the drain get to record that they were stopped.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly Dictionary<long, CancellationTokenSource> running = [];
    private TaskCompletionSource? allEnded;
    private volatile bool draining;
    private volatile bool cuttingOff;

    /// <summary>Whether this silo is stopping: a job must not start an attempt here.</summary>
    public bool IsDraining => draining;

    /// <summary>Whether the drain's time ran out, so an attempt stopped now was stopped by us, not by its own timeout.</summary>
    public bool IsCuttingOff => cuttingOff;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloDrain), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    /// <summary>Counts an attempt as running on this silo until the returned handle is disposed.</summary>
    public IDisposable Track(long jobId, CancellationTokenSource attempt)
    {
        lock (gate)
        {
            running[jobId] = attempt;
        }

        return new Tracked(this, jobId);
    }

    private void Ended(long jobId)
    {
        lock (gate)
        {
            running.Remove(jobId);
            if (running.Count == 0)
            {
                allEnded?.TrySetResult();
            }
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        Task ended;
        int count;
        lock (gate)
        {
            draining = true;
            count = running.Count;
            allEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (count == 0)
            {
                allEnded.TrySetResult();
            }

            ended = allEnded.Task;
        }

        var bound = options.Value.Drain;
        logger.LogInformation("Silo stopping: no new attempts start here; {Running} running attempt(s) get up to {Bound} to finish", count, bound);
        if (await EndsWithinAsync(ended, bound, cancellationToken))
        {
            logger.LogInformation("Silo drained: every running attempt finished");
            return;
        }

        CancellationTokenSource[] left;
        lock (gate)
        {
            cuttingOff = true;
            left = [.. running.Values];
        }

        logger.LogWarning("Silo drain bound {Bound} reached: stopping {Running} attempt(s) to hand them over; they keep their job's attempts", bound, left.Length);
        foreach (var attempt in left)
        {
            await CancelAsync(attempt);
        }

        await EndsWithinAsync(ended, StopBound, cancellationToken);
    }

    private async Task<bool> EndsWithinAsync(Task ended, TimeSpan bound, CancellationToken cancellationToken)
    {
        try
        {
            await ended.WaitAsync(bound, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            // The host's own shutdown bound ran out first: what still runs is taken over once the silo is dead.
            return false;
        }
    }

    private static async Task CancelAsync(CancellationTokenSource attempt)
    {
        try
        {
            await attempt.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // That attempt ended meanwhile.
        }
    }

    private sealed class Tracked(SiloDrain drain, long jobId) : IDisposable
    {
        public void Dispose() => drain.Ended(jobId);
    }
}
