using IdeogramJobs.Contracts.Jobs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>Starts the account's waiting jobs on their job grains, in priority order, while slots are free.</summary>
public sealed class AccountDispatch(IGrainBase grain, GrainReferences grains, AccountQueue queue, AccountKeepAwake keepAwake, ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? retry;

    public async Task DispatchAsync()
    {
        var dispatched = queue.TakeDispatchable();
        await Task.WhenAll(dispatched.Select(id => grains.Get<IJobGrain>(id).StartAsync()));
        await keepAwake.WhileBusyAsync();
    }

    /// <summary>Pokes the jobs in flight: running jobs whose silo died resume; StartAsync is a no-op for a live attempt.</summary>
    public Task ResumeInFlightAsync() => Task.WhenAll(queue.InFlight.Select(id => grains.Get<IJobGrain>(id).StartAsync()));

    /// <summary>
    /// Dispatches after a job's row is committed. The caller is told the job was accepted whatever happens
    /// here: should dispatching or the keep-awake reminder fail, <paramref name="reconcile"/> runs shortly,
    /// and the row (the truth) is reconciled on the next reminder tick anyway.
    /// </summary>
    public async Task AfterCommitAsync(long jobId, Func<Task> reconcile)
    {
        try
        {
            await DispatchAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AccountGrainLog.DispatchDeferred(logger, e, jobId, RetryDelay);
            retry?.Dispose();

            // Not interleaved: the reconcile changes the queue, which the grain's calls change one at a time.
            retry = grain.RegisterGrainTimer(
                _ => reconcile(),
                new GrainTimerCreationOptions(RetryDelay, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = true });
        }
    }
}
