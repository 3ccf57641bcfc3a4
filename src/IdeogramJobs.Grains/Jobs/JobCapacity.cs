using System.Globalization;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.ProviderKeys;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// One job's share of its Ideogram key's capacity: the key it is pinned to, the lease or waiting
/// request it holds at that key's capacity grain, and giving them back.
/// </summary>
public sealed class JobCapacity(JobActivation activation, GrainReferences grains, JobProviderKeys keys, IJobStore jobs, JobEventFeed events, TimeProvider time, ILogger logger)
{
    /// <summary>The key the job is pinned to, whose capacity grain it uses for every attempt.</summary>
    private string keyIdentity = ProviderKeyIdentity.Service;

    /// <summary>The attempt the job's capacity lease is bound to (see <see cref="IIdeogramCapacityGrain.RequestAsync"/>).</summary>
    private string? leaseToken;

    /// <summary>Whether the capacity grain may hold a lease or a waiting request of this job, so a release is owed.</summary>
    private bool owed;

    /// <summary>The key the job is pinned to (see <see cref="ProviderKeys.JobProviderKeys"/>).</summary>
    public string KeyIdentity => keyIdentity;

    private long JobId => activation.JobId;

    private IIdeogramCapacityGrain Capacity => grains.Get<IIdeogramCapacityGrain>(keyIdentity);

    /// <summary>Picks up what the row says the job holds, as a new activation reads it.</summary>
    public void Restore(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        keyIdentity = job.PinnedKeyIdentity ?? ProviderKeyIdentity.Service;
        owed = job.DispatchedAt is not null || job.AttemptToken is not null;
    }

    /// <summary>Pins the job to its key; says why the job can never run on it, or null when it can.</summary>
    public async Task<string?> PinKeyAsync()
    {
        var current = activation.Job!;
        var key = await keys.ChooseAsync(JobId, current.PinnedKeyIdentity, CancellationToken.None);
        keyIdentity = key.Identity;
        activation.Job = activation.Job! with { PinnedKeyIdentity = key.Identity };
        if (key.Unusable is { } unusable && !current.HasGeneration)
        {
            return unusable;
        }

        var units = activation.Units;
        return units > key.MaxInflightImages
            ? string.Create(CultureInfo.InvariantCulture,
                $"The job asks for {units} images at once, more than Ideogram's in-flight limit configured for the key ({key.LimitSetting} = {key.MaxInflightImages}); lower numImages.")
            : null;
    }

    /// <summary>
    /// Asks for the job's units (see <see cref="IIdeogramCapacityGrain.RequestAsync"/>): true when granted now;
    /// otherwise the job waits its turn and the capacity grain tells it.
    /// </summary>
    public Task<bool> RequestAsync(string? attemptToken)
    {
        owed = true;
        return Capacity.RequestAsync(JobId, activation.AccountId!, activation.Units, attemptToken);
    }

    /// <summary>The request waits its turn: watchers are told, and the row keeps the job's place in line from <paramref name="since"/>.</summary>
    public async Task WaitInLineAsync(DateTime since)
    {
        var current = activation.Job!;
        events.Record(JobEventKind.Progress, current.Status, current.ProgressPercentage, "Waiting for Ideogram capacity");
        if (current.DispatchedAt is null)
        {
            // Kept so the job's place in line and its account slot survive a restart of either grain.
            await jobs.MarkDispatchedAsync(JobId, since, CancellationToken.None);
            activation.Job = activation.Job! with { DispatchedAt = since };
        }
    }

    /// <summary>Binds the lease to the attempt that now runs on it; null when the attempt takes no capacity.</summary>
    public void BindLease(string? attemptToken) => leaseToken = attemptToken;

    /// <summary>Frees the job's lease (or withdraws its waiting request); a no-op when nothing is owed.</summary>
    public Task ReleaseAsync(TimeSpan stillBusyFor) =>
        owed
            ? SettleAsync(stillBusyFor > TimeSpan.Zero
                ? () => Capacity.ReleaseAbandonedAsync(JobId, activation.Units, stillBusyFor, leaseToken)
                : () => Capacity.ReleaseAsync(JobId, leaseToken))
            : Task.CompletedTask;

    /// <summary>Takes the gone attempt's lease back, whichever activation held it, keeping a call that may still run counted.</summary>
    public Task TakeBackAsync(TimeSpan stillBusyFor) =>
        SettleAsync(() => Capacity.TakeBackAsync(JobId, activation.Units, stillBusyFor));

    /// <summary>
    /// The job ended. Gives back whatever this activation believes it owes: a capacity grain rebuilt from the
    /// table may count a lease for an attempt of this job that ended without being able to give it back.
    /// </summary>
    public Task ForgetAsync()
    {
        var lastAttempt = leaseToken;
        return SettleAsync(() => Capacity.ForgetAsync(JobId, lastAttempt));
    }

    /// <summary>The attempt's Ideogram call is over; a call given up on stays counted for <paramref name="stillBusyFor"/>.</summary>
    public async Task ProviderCallEndedAsync(TimeSpan stillBusyFor)
    {
        if (stillBusyFor <= TimeSpan.Zero)
        {
            await ReleaseAsync(TimeSpan.Zero);
            return;
        }

        // Counted durably too, so a capacity grain that restarts meanwhile still counts the call; and
        // counted even when a cancel already gave the lease back, since Ideogram still runs the call.
        try
        {
            await jobs.NoteProviderBusyAsync(JobId, time.GetUtcNow().UtcDateTime + stillBusyFor, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JobGrainLog.AbandonedCallNotNoted(logger, e, JobId, activation.AccountId);
        }

        owed = true;
        await ReleaseAsync(stillBusyFor);
    }

    /// <summary>
    /// Gives capacity back through <paramref name="call"/>. Never worth failing the job over: a lease lapses
    /// at its deadline, and a capacity grain that moved rebuilt its count from the table; the debt stays
    /// for the next release.
    /// </summary>
    private async Task SettleAsync(Func<Task> call)
    {
        try
        {
            await call();
            owed = false;
            leaseToken = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JobGrainLog.CapacityNotGivenBack(logger, e, JobId, activation.AccountId);
        }
    }
}
