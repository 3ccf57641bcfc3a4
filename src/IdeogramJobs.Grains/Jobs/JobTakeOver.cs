using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.Capacity;
using IdeogramJobs.Grains.Options;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// Takes a job's row over from an attempt that is surely gone: its silo dead in membership, this very
/// silo, or its deadline passed. The capacity the gone attempt held is taken back with it, and a job
/// interrupted too often is found out.
/// </summary>
public sealed class JobTakeOver(
    JobActivation activation,
    IJobStore jobs,
    JobCapacity capacity,
    JobStepLog steps,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    JobEngineOptions settings,
    JobMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>How often a job whose row another attempt owns asks membership again whether that attempt's silo is gone.</summary>
    private static readonly TimeSpan OwnerCheck = TimeSpan.FromSeconds(10);

    /// <summary>Takes the row over from the attempt <paramref name="owner"/> once it is surely gone; reads the row again when it does.</summary>
    public async Task<TakeOverOutcome> TryAsync(string owner)
    {
        var current = activation.Job!;
        var now = time.GetUtcNow().UtcDateTime;
        var deadline = current.AttemptDeadline ?? now;
        if (!OwnerIsGone(current.WorkerId) && deadline > now)
        {
            return TakeOverOutcome.NotYet(deadline - now < OwnerCheck ? deadline - now : OwnerCheck);
        }

        // A call the gone attempt made may still run at Ideogram, unless its answer was kept: at most until the
        // attempt's own bound (its claim plus JOB_TIMEOUT_SECONDS, the longest a generation may take).
        var surelyEnded = deadline - IdeogramCapacityGrain.LeaseMargin;
        var busyFor = current.HasGeneration || surelyEnded <= now ? TimeSpan.Zero : surelyEnded - now;
        var reason = $"The attempt was cut off: the silo running it ({current.WorkerId}) stopped.";
        if (!await jobs.TakeOverAsync(activation.JobId, owner, reason, busyFor > TimeSpan.Zero ? now + busyFor : null, CancellationToken.None))
        {
            return TakeOverOutcome.Lost;
        }

        metrics.AttemptRetried(RetryCause.SiloLost);
        JobGrainLog.TakenOver(logger, activation.JobId, current.AccountId, current.WorkerId);
        await steps.WriteAsync(SystemLogLevel.Warn, reason + " Resuming; this does not count against the job's retries.");

        // Read again: the gone attempt may have kept Ideogram's answer (or images) after this activation read the row.
        activation.Job = await jobs.GetAsync(activation.JobId, CancellationToken.None);
        if (activation.Job is not { } taken)
        {
            return TakeOverOutcome.Done(failure: null);
        }

        await capacity.TakeBackAsync(busyFor);
        return TakeOverOutcome.Done(taken.Interruptions > settings.MaxInterruptions
            ? $"{reason} The job was interrupted {taken.Interruptions} times (JOB_MAX_INTERRUPTIONS = {settings.MaxInterruptions})."
            : null);
    }

    /// <summary>Whether membership says the silo that ran an attempt is gone (an unknown silo is gone: it left the table).</summary>
    private bool OwnerIsGone(string? workerId)
    {
        if (activation.OwnToken is not null && activation.OwnToken == activation.Job?.AttemptToken)
        {
            return false;
        }

        if (workerId is null || workerId == silo.SiloAddress.ToString())
        {
            // This silo hosts this activation now, so an earlier activation here has ended.
            return true;
        }

        var member = membership.CurrentSnapshot.Members.Values.FirstOrDefault(m => m.SiloAddress.ToString() == workerId);
        return member is null || member.Status == SiloStatus.Dead;
    }
}
