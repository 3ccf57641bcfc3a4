using System.Diagnostics;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.Draining;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Grains.ProviderKeys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// One job's state machine. The ssnews_jobs row is its durable state: who owns the current attempt (a token every
/// write of the attempt checks), when a retry is due, how many attempts the job spent and how many our side cut off.
/// This activation adds the attempt in progress (<see cref="JobAttempt"/>), which runs in an interleaving timer
/// (<see cref="JobWakeUps"/>), so status reads and cancel are answered while Ideogram works. A new activation takes a
/// row over from an attempt only once membership says its silo is dead or the attempt's deadline passed
/// (<see cref="JobTakeOver"/>). The parts act and say what they found; this grain alone decides the job's next phase.
/// </summary>
public sealed class JobGrain : Grain, IJobGrain, IRemindable
{
    /// <summary>How soon a step whose bookkeeping failed (the database or a grain unreachable) is tried again.</summary>
    internal static readonly TimeSpan BookkeepingRetry = TimeSpan.FromSeconds(5);

    private readonly IJobStore jobs;
    private readonly SiloDrain drain;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly JobActivation activation;
    private readonly JobEventFeed events;
    private readonly JobCapacity capacity;
    private readonly JobWakeUps wakeUps;
    private readonly JobTakeOver takeOver;
    private readonly JobAttempt attempt;
    private readonly JobEnding ending;
    private readonly JobCommands commands;
    private JobPhase phase = JobPhase.Idle;

    /// <summary>Set once deactivation stops a running attempt, so its end counts as ours and no retry is scheduled here.</summary>
    private bool deactivating;

    /// <summary>The trace of the first call that started the job (its submission, as a rule), which its attempts join.</summary>
    private ActivityContext startedBy;

    public JobGrain(
        IJobStore jobs, JobAttemptRunner runner, JobProviderKeys keys, SiloDrain drain, ISystemLog systemLog, IOptions<JobEngineOptions> options,
        TimeProvider time, ILocalSiloDetails silo, IClusterMembershipService membership, JobMetrics metrics, GrainReferences references, ILogger<JobGrain> logger)
    {
        var settings = options.Value;
        (this.jobs, this.drain, this.time, this.logger) = (jobs, drain, time, logger);
        activation = new JobActivation(this.GetPrimaryKeyLong());
        events = new JobEventFeed(activation, references, time);
        var steps = new JobStepLog(activation, systemLog, logger);
        capacity = new JobCapacity(activation, references, keys, jobs, events, time, logger);
        wakeUps = new JobWakeUps(this, activation, settings.ReminderPeriod, logger);
        takeOver = new JobTakeOver(activation, jobs, capacity, steps, silo, membership, settings, metrics, time, logger);
        attempt = new JobAttempt(activation, jobs, runner, capacity, events, steps, drain, silo, settings, metrics, time, logger);
        ending = new JobEnding(activation, jobs, events, steps, capacity, wakeUps, references, metrics, time, logger);
        commands = new JobCommands(activation, jobs, attempt, events, steps);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if ((activation.Job = await jobs.GetAsync(activation.JobId, cancellationToken)) is not { } job)
        {
            return;
        }

        events.Restore(job);
        capacity.Restore(job);
        wakeUps.KnownAbsent(job.Status == JobStatus.Queued && job.NextAttemptAt is null);
        if (!job.Status.IsTerminal() && (job.AttemptToken is not null || job.Status == JobStatus.Processing || job.NextAttemptAt is not null || job.DispatchedAt is not null))
        {
            // An attempt was under way, or due, when the previous activation ended: move it on without waiting to be poked.
            wakeUps.After(TimeSpan.Zero, AdvanceAsync);
        }
    }

    /// <summary>
    /// A stopping silo drains first (<see cref="SiloDrain"/>), and Orleans lets a running attempt (a timer tick) finish
    /// before it deactivates a grain. When deactivation goes ahead while an attempt still runs, the attempt is stopped and
    /// handed over: recorded as cut off by us, and a message wakes the job elsewhere. A job the drain held back is woken elsewhere the same way.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deactivating = attempt.IsRunning;
        if (deactivating)
        {
            await attempt.StopForHandOverAsync(cancellationToken);
        }

        if ((deactivating || drain.IsDraining) && activation.Job is { } current && !current.Status.IsTerminal())
        {
            _ = this.AsReference<IJobGrain>().StartAsync();
        }
    }

    public Task StartAsync()
    {
        startedBy = startedBy == default ? Activity.Current?.Context ?? default : startedBy;
        return EnsureProgressAsync();
    }

    public Task CapacityGrantedAsync()
    {
        if (phase == JobPhase.WaitingForCapacity && activation.Job is { } current && !current.Status.IsTerminal() && !activation.CancelRequested)
        {
            // The grant is the lease: start without asking the capacity grain again.
            Schedule(TimeSpan.Zero, RunAttemptAsync);
            return Task.CompletedTask;
        }

        return EnsureProgressAsync();
    }

    /// <summary>A job whose row is gone (deleted) will never run, so its reminder must not fire forever.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        activation.Job is null ? wakeUps.StopAsync(evenIfKnownAbsent: true) : EnsureProgressAsync();

    public Task<JobSnapshot?> GetAsync(string accountId) => Task.FromResult(activation.Owned(accountId)?.ToSnapshot());

    public async Task<IReadOnlyList<JobEvent>> WatchAsync(string accountId, long afterSequence, TimeSpan maxWait) =>
        activation.Owned(accountId) is { } owned ? await events.AfterAsync(afterSequence, maxWait, owned.Status.IsTerminal()) : [];

    public Task<JobCommandResult> CancelAsync(string accountId) =>
        commands.CancelAsync(accountId, cancelled: () => FinishAsync(JobStatus.Cancelled, "Cancelled", errorMessage: null));

    public Task<JobCommandResult> RequeueAsync(string accountId) => commands.RequeueAsync(accountId, requeued: () => phase = JobPhase.Idle);

    /// <summary>Moves the job on from wherever it stands; safe to call any number of times, from any trigger.</summary>
    private Task EnsureProgressAsync() => wakeUps.StepUnlessSteppingAsync(AdvanceAsync);

    /// <summary>One step of the state machine; only a step of <see cref="JobWakeUps"/> (which holds its guard) calls it.</summary>
    private async Task AdvanceAsync()
    {
        if (activation.Job is not { } current)
        {
            return;
        }

        if (current.Status.IsTerminal() || activation.CancelRequested)
        {
            await capacity.ReleaseAsync(TimeSpan.Zero);
            await wakeUps.StopAsync();
            return;
        }

        try
        {
            await MoveOnAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database or the capacity grain did not answer; nothing was sent to Ideogram. Try again shortly.
            JobGrainLog.CouldNotMoveOn(logger, e, activation.JobId, current.AccountId, BookkeepingRetry);
            Schedule(BookkeepingRetry, ReloadAndMoveOnAsync);
        }
    }

    private async Task MoveOnAsync()
    {
        var current = activation.Job!;
        if (drain.IsDraining || phase is JobPhase.Running or JobPhase.Scheduled)
        {
            // No attempt starts on a stopping silo (its deactivation wakes the job on another), nor while one is due or running.
            return;
        }

        if (phase == JobPhase.WaitingForCapacity)
        {
            // Ask again: a capacity grain that restarted may not know this job, and a held lease is renewed.
            await AskForCapacityAsync();
            return;
        }

        if (current.AttemptToken is { } owner)
        {
            await TakeOverWhenGoneAsync(owner);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (current.NextAttemptAt is { } due && due > now)
        {
            Schedule(due - now, () =>
            {
                phase = JobPhase.Idle;
                activation.Job = activation.Job! with { NextAttemptAt = null };
                return AdvanceAsync();
            });
        }
        else if (await capacity.PinKeyAsync() is { } never)
        {
            await FailWithoutAttemptAsync(never);
        }
        else if (current.HasGeneration)
        {
            // Ideogram already answered: only storing is left, which takes no provider capacity.
            Schedule(TimeSpan.Zero, RunAttemptAsync);
        }
        else if (!await AskForCapacityAsync())
        {
            await capacity.WaitInLineAsync(since: now);
        }
    }

    /// <summary>Asks the key's capacity grain for the job's units; an attempt starts when they are granted while the job still waits.</summary>
    private async Task<bool> AskForCapacityAsync()
    {
        phase = JobPhase.WaitingForCapacity;
        var granted = await capacity.RequestAsync(attemptToken: null);
        if (granted && phase == JobPhase.WaitingForCapacity)
        {
            Schedule(TimeSpan.Zero, RunAttemptAsync);
        }

        return granted;
    }

    /// <summary>
    /// Another attempt owns the row: take it over once that attempt is surely gone. Until then the job
    /// stays idle, so the poke that follows a silo's death moves it on at once, and it looks again every few seconds.
    /// </summary>
    private async Task TakeOverWhenGoneAsync(string owner)
    {
        var outcome = await takeOver.TryAsync(owner);
        if (outcome.RecheckIn is { } recheck)
        {
            phase = JobPhase.Idle;
            wakeUps.After(recheck, ReloadAndMoveOnAsync);
        }
        else if (!outcome.Taken)
        {
            await ReloadAndMoveOnAsync();
        }
        else if (outcome.Failure is { } failure)
        {
            await FailWithoutAttemptAsync(failure);
        }
        else if (activation.Job is not null)
        {
            await MoveOnAsync();
        }
    }

    private async Task ReloadAndMoveOnAsync()
    {
        phase = JobPhase.Idle;
        activation.Job = await jobs.GetAsync(activation.JobId, CancellationToken.None);
        await AdvanceAsync();
    }

    private async Task RunAttemptAsync()
    {
        phase = JobPhase.Running;
        if (activation.Job!.Status.IsTerminal() || activation.CancelRequested)
        {
            phase = JobPhase.Idle;
            await AdvanceAsync();
            return;
        }

        if (drain.IsDraining)
        {
            // This silo is stopping: the grant goes to jobs elsewhere, and the silo's deactivation wakes this job on another.
            await capacity.ReleaseAsync(TimeSpan.Zero);
            phase = JobPhase.Idle;
            return;
        }

        var start = await attempt.RunAsync(startedBy, SettleAsync);
        if (start.WaitsForCapacity)
        {
            phase = JobPhase.WaitingForCapacity;
        }
        else if (start.CouldNotStart)
        {
            Schedule(BookkeepingRetry, ReloadAndMoveOnAsync);
        }
        else if (!start.Ran)
        {
            await ReloadAndMoveOnAsync();
        }
    }

    /// <summary>Records how the attempt ended and what comes next; when that record cannot be written, tries again shortly.</summary>
    private async Task SettleAsync(RunningAttempt ended, AttemptOutcome outcome)
    {
        try
        {
            var verdict = await attempt.SettleAsync(ended, outcome, cutOff: deactivating || drain.IsCuttingOff);
            if (verdict.FollowUp == AttemptFollowUp.Complete)
            {
                await FinishAsync(JobStatus.Completed, $"Completed with {outcome.Images.Count} image(s)", errorMessage: null);
            }
            else if (verdict.FollowUp == AttemptFollowUp.Fail)
            {
                phase = JobPhase.Idle;
                await ending.FailedAsync(verdict.Reason, verdict.Why);
            }
            else if (verdict.FollowUp == AttemptFollowUp.Retry && !deactivating)
            {
                // The reload tells the next attempt whether Ideogram's answer was kept.
                Schedule(verdict.Delay, ReloadAndMoveOnAsync);
                await wakeUps.KeepAwakeForRetryAsync();
            }
            else
            {
                // Deactivating (which wakes the job elsewhere), or the attempt lost the row (a cancel, or another activation took it): follow the row.
                phase = JobPhase.Idle;
                if (verdict.FollowUp == AttemptFollowUp.FollowRow && !activation.CancelRequested)
                {
                    activation.Job = await jobs.GetAsync(activation.JobId, CancellationToken.None);
                    await AdvanceAsync();
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The attempt still owns the row (its token), so no other activation takes it before its deadline.
            JobGrainLog.AttemptEndNotRecorded(logger, e, activation.JobId, ended.Job.AccountId, ended.Number, BookkeepingRetry);
            Schedule(BookkeepingRetry, () => SettleAsync(ended, outcome));
        }
    }

    private async Task FailWithoutAttemptAsync(string reason)
    {
        if (!await ending.FailWithoutAttemptAsync(reason))
        {
            await ReloadAndMoveOnAsync();
        }
    }

    private Task FinishAsync(JobStatus status, string message, string? errorMessage)
    {
        phase = JobPhase.Idle;
        return ending.FinishAsync(status, message, errorMessage);
    }

    /// <summary>The job's next step is due after <paramref name="delay"/>: the attempt, a reload of the row, or the record of an attempt's end.</summary>
    private void Schedule(TimeSpan delay, Func<Task> step)
    {
        phase = JobPhase.Scheduled;
        wakeUps.After(delay, step);
    }
}
