using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IdeogramJobs.Grains.Capacity;

/// <summary>
/// The one place in the cluster that counts Ideogram's in-flight images for the API key. It only
/// hands out permits, so every call may interleave. Its state is memory: when it activates (again,
/// after its silo died) it first counts the attempts the table shows under way, so it does not
/// grant on top of them; jobs still waiting ask again when their account reconciles, and leases
/// lapse after the attempt bound.
/// </summary>
[Reentrant]
public sealed class IdeogramCapacityGrain : Grain, IIdeogramCapacityGrain
{
    public const string DefaultKey = "ideogram";

    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ExpiryScan = TimeSpan.FromSeconds(15);

    private readonly FairCapacityScheduler scheduler;
    private readonly IJobStore jobs;
    private readonly JobEngineOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<IdeogramCapacityGrain> logger;

    public IdeogramCapacityGrain(IJobStore jobs, IOptions<JobEngineOptions> options, TimeProvider time, ILogger<IdeogramCapacityGrain> logger)
    {
        this.jobs = jobs;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        scheduler = new FairCapacityScheduler(this.options.IdeogramMaxInflightImages);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var running in await jobs.ListRunningAttemptsAsync(cancellationToken))
        {
            scheduler.Hold(running.JobId, running.NumImages, LeaseDeadline());
        }

        this.RegisterGrainTimer(ExpireLeasesAsync, new GrainTimerCreationOptions(ExpiryScan, ExpiryScan) { Interleave = true, KeepAlive = true });
    }

    public Task<bool> RequestAsync(long jobId, string accountId, int units) =>
        Task.FromResult(scheduler.Request(jobId, accountId, units, LeaseDeadline()));

    public Task ReleaseAsync(long jobId)
    {
        Notify(scheduler.Release(jobId));
        return Task.CompletedTask;
    }

    public Task<CapacitySnapshot> GetSnapshotAsync() => Task.FromResult(new CapacitySnapshot
    {
        Capacity = scheduler.Capacity,
        InUse = scheduler.InUse,
        Waiting = scheduler.Waiting,
        MaxInUseObserved = scheduler.MaxInUse,
        Silo = RuntimeIdentity,
    });

    private DateTimeOffset LeaseDeadline() => time.GetUtcNow() + options.JobTimeout + LeaseMargin;

    private Task ExpireLeasesAsync(CancellationToken cancellationToken)
    {
        var (expired, granted) = scheduler.Expire(time.GetUtcNow());
        foreach (var jobId in expired)
        {
            logger.LogWarning("Ideogram capacity held by job {JobId} lapsed without a release", jobId);
        }

        Notify(granted);
        return Task.CompletedTask;
    }

    private void Notify(IReadOnlyList<long> granted)
    {
        foreach (var jobId in granted)
        {
            // One-way: the job is told, nobody waits on it.
            _ = GrainFactory.GetGrain<IJobGrain>(jobId).CapacityGrantedAsync();
        }
    }
}
