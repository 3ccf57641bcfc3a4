using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Grains.ProviderKeys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Capacity;

/// <summary>
/// The one place in the cluster that counts Ideogram's in-flight images for one API key (keyed by its
/// <see cref="ProviderKeyIdentity"/>: the service key, or an organisation's own, with its own limit). It only
/// hands out permits, so every call may interleave. Its state is memory, rebuilt from the table when
/// it activates (again, after its silo died): attempts that may be calling Ideogram and abandoned
/// calls it may still run are counted before anything is granted, and jobs that were waiting queue
/// again in the order they first asked.
/// </summary>
[Reentrant]
public sealed class IdeogramCapacityGrain(
    IJobStore jobs,
    JobProviderKeys keys,
    IOptions<JobEngineOptions> options,
    TimeProvider time,
    ILocalSiloDetails silo,
    ProviderCapacityGauges gauges,
    GrainReferences references,
    ILogger<IdeogramCapacityGrain> logger) : Grain, IIdeogramCapacityGrain
{
    public const string DefaultKey = ProviderKeyIdentity.Service;

    /// <summary>How long past the attempt bound a lease lasts: the attempt's own clean-up, with room to spare.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan ExpiryScan = TimeSpan.FromSeconds(15);

    private FairCapacityScheduler scheduler = new(options.Value.IdeogramMaxInflightImages, options.Value.JobTimeout + LeaseMargin);

    private string? keyIdentity;

    private string KeyIdentity => keyIdentity ??= this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var limit = await keys.LimitAsync(KeyIdentity, cancellationToken);
        scheduler = new FairCapacityScheduler(limit, options.Value.JobTimeout + LeaseMargin);
        var now = time.GetUtcNow();
        var claims = await jobs.ListCapacityClaimsAsync(now.UtcDateTime, KeyIdentity, cancellationToken);

        // The columns hold whole seconds: a second more covers what they cut off.
        var earlierCalls = await jobs.ListRecentCallDurationsAsync(FairCapacityScheduler.RecentCalls, cancellationToken);
        scheduler.LearnFrom(earlierCalls.Reverse().Select(call => call + TimeSpan.FromSeconds(1)));

        // Everything Ideogram may be running is counted first; only then do waiting jobs get their turns.
        foreach (var claim in claims)
        {
            if (claim.Kind == CapacityClaimKind.Running)
            {
                var deadline = claim.Until is { } until ? new DateTimeOffset(until) : now + options.Value.JobTimeout + LeaseMargin;
                scheduler.Hold(claim.JobId, claim.Units, granted: deadline - options.Value.JobTimeout - LeaseMargin, deadline, claim.AttemptToken);
            }
            else if (claim.Kind == CapacityClaimKind.Abandoned)
            {
                // The bound noted was the call's start plus JOB_TIMEOUT_SECONDS, which dates the call.
                var until = new DateTimeOffset(claim.Until!.Value);
                scheduler.HoldAbandoned(claim.JobId, claim.Units, until - options.Value.JobTimeout, until);
            }
        }

        var granted = claims
            .Where(c => c.Kind == CapacityClaimKind.Waiting && c.Units <= scheduler.Capacity)
            .Where(c => scheduler.Request(c.JobId, c.AccountId, c.Units, now))
            .Select(c => c.JobId)
            .ToList();

        IdeogramCapacityGrainLog.Activated(logger, KeyIdentity, silo.SiloAddress, scheduler.InUse, scheduler.Capacity, scheduler.Waiting);
        Notify(granted);
        this.RegisterGrainTimer(ExpireLeasesAsync, new GrainTimerCreationOptions(ExpiryScan, ExpiryScan) { Interleave = true, KeepAlive = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The grain's next activation (perhaps on another silo) reports from there; this silo reports nothing.
        gauges.Left(KeyIdentity);
        return Task.CompletedTask;
    }

    public Task<bool> RequestAsync(long jobId, string accountId, int units, string? attemptToken)
    {
        var granted = scheduler.Request(jobId, accountId, units, time.GetUtcNow(), attemptToken);
        Observe();
        return Task.FromResult(granted);
    }

    public Task ReleaseAsync(long jobId, string? attemptToken)
    {
        Notify(scheduler.Release(jobId, time.GetUtcNow(), attemptToken));
        return Task.CompletedTask;
    }

    public Task ReleaseAbandonedAsync(long jobId, int units, TimeSpan stillBusyFor, string? attemptToken)
    {
        Notify(scheduler.ReleaseAbandoned(jobId, units, time.GetUtcNow(), stillBusyFor, attemptToken));
        return Task.CompletedTask;
    }

    public Task ForgetAsync(long jobId, string? attemptToken)
    {
        Notify(scheduler.Forget(jobId, time.GetUtcNow(), attemptToken));
        return Task.CompletedTask;
    }

    public Task TakeBackAsync(long jobId, int units, TimeSpan stillBusyFor)
    {
        Notify(scheduler.TakeBack(jobId, units, time.GetUtcNow(), stillBusyFor));
        return Task.CompletedTask;
    }

    public Task LimitChangedAsync()
    {
        // The next call activates the grain again, which reads the new limit and counts what holds the key from the table.
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<CapacitySnapshot> GetSnapshotAsync() => Task.FromResult(new CapacitySnapshot
    {
        Capacity = scheduler.Capacity,
        InUse = scheduler.InUse,
        Waiting = scheduler.Waiting,
        MaxInUseObserved = scheduler.MaxInUse,
        Silo = silo.SiloAddress.ToString(),
        Holds = scheduler.Holds(),
    });

    private Task ExpireLeasesAsync(CancellationToken cancellationToken)
    {
        var (lapsed, requeued, granted) = scheduler.Expire(time.GetUtcNow());
        foreach (var jobId in lapsed)
        {
            IdeogramCapacityGrainLog.LeaseLapsed(logger, jobId);
        }

        foreach (var jobId in requeued)
        {
            IdeogramCapacityGrainLog.GrantNotTakenUp(logger, jobId);
        }

        Notify(granted);
        return Task.CompletedTask;
    }

    private void Observe() => gauges.Observed(KeyIdentity, scheduler.InUse, scheduler.WaitingUnits);

    private void Notify(IReadOnlyList<long> granted)
    {
        Observe();
        foreach (var jobId in granted)
        {
            // One-way: the job is told, nobody waits on it.
            _ = references.Get<IJobGrain>(jobId).CapacityGrantedAsync();
        }
    }
}
