using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.Capacity;
using IdeogramJobs.Grains.Draining;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Grains.ProviderKeys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// One job's state machine. The ssnews_jobs row is its durable state: who owns the current attempt
/// (a token every write of the attempt checks), when a retry is due, how many attempts the job spent
/// and how many our side cut off. This activation adds the attempt in progress, which runs in an
/// interleaving timer (the work itself is <see cref="JobAttemptRunner"/>), so status reads and cancel
/// are answered while Ideogram works. A new activation takes a row over from an attempt only once
/// membership says its silo is dead or the attempt's deadline passed.
/// </summary>
public sealed class JobGrain(
    IJobStore jobs,
    JobAttemptRunner runner,
    JobProviderKeys keys,
    SiloDrain drain,
    ISystemLog systemLog,
    IOptions<JobEngineOptions> options,
    TimeProvider time,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    JobMetrics metrics,
    JobCostRefresh costRefresh,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable, IAttemptObserver
{
    private const string WakeUpReminder = "job-wake-up";

    /// <summary>How soon a step whose bookkeeping failed (the database or a grain unreachable) is tried again.</summary>
    private static readonly TimeSpan BookkeepingRetry = TimeSpan.FromSeconds(5);

    /// <summary>How often a job whose row another attempt owns asks membership again whether that attempt's silo is gone.</summary>
    private static readonly TimeSpan OwnerCheck = TimeSpan.FromSeconds(10);

    private readonly JobEngineOptions settings = options.Value;
    private readonly JobEventLog events = new(time);
    private StoredJob? job;
    private JobPhase phase = JobPhase.Idle;
    private IGrainTimer? timer;
    private CancellationTokenSource? attemptCancellation;
    private Task attemptRun = Task.CompletedTask;
    private bool cancelRequested;
    private bool deactivating;

    /// <summary>The trace of the first call that started the job (its submission, as a rule), which its attempts join.</summary>
    private ActivityContext startedBy;

    /// <summary>
    /// How many steps are moving the job on now. Calls interleave at every await, so a trigger (a poke,
    /// a reminder, a grant) while a step runs must not start another: it would act on the row the first
    /// is changing.
    /// </summary>
    private int stepping;

    /// <summary>The token of this activation's running attempt, never taken over as if it were gone.</summary>
    private string? ownToken;

    /// <summary>The attempt the job's capacity lease is bound to (see <see cref="IIdeogramCapacityGrain.RequestAsync"/>).</summary>
    private string? leaseToken;

    /// <summary>Whether the capacity grain may hold a lease or a waiting request of this job, so a release is owed.</summary>
    private bool capacityOwed;

    /// <summary>The key the job is pinned to, whose capacity grain it uses for every attempt.</summary>
    private string keyIdentity = ProviderKeyIdentity.Service;

    /// <summary>Whether the wake-up reminder exists: false when known absent, null when unknown.</summary>
    private bool? wakeUpRegistered;

    private long JobId => this.GetPrimaryKeyLong();

    private int Units => job!.FinalSettings.ImageCount;

    private IIdeogramCapacityGrain Capacity => GrainFactory.GetGrain<IIdeogramCapacityGrain>(keyIdentity);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        job = await jobs.GetAsync(JobId, cancellationToken);
        if (job is null)
        {
            return;
        }

        events.Add(JobEventKind.Status, job.Status, job.ProgressPercentage, job.ProgressDetails);
        keyIdentity = job.PinnedKeyIdentity ?? ProviderKeyIdentity.Service;
        wakeUpRegistered = job.Status == JobStatus.Queued && job.NextAttemptAt is null ? false : null;
        capacityOwed = job.DispatchedAt is not null || job.AttemptToken is not null;
        if (job.Status.IsTerminal())
        {
            return;
        }

        if (job.AttemptToken is not null || job.Status == JobStatus.Processing || job.NextAttemptAt is not null || job.DispatchedAt is not null)
        {
            // An attempt was under way, or due, when the previous activation ended: move it on without waiting to be poked.
            After(TimeSpan.Zero, AdvanceAsync);
        }
    }

    /// <summary>
    /// A stopping silo drains first (<see cref="SiloDrain"/>), and Orleans lets a running attempt (a timer
    /// tick) finish before it deactivates a grain. When deactivation goes ahead while an attempt still runs,
    /// the attempt is stopped and handed over: recorded as cut off by us, and a message wakes the job
    /// elsewhere. A job the drain held back is woken elsewhere the same way.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (attemptCancellation is { } running)
        {
            deactivating = true;
            await running.CancelAsync();
            try
            {
                await attemptRun.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Out of time: the attempt keeps its token, and its deadline hands the row to the next activation.
                logger.LogWarning("Job {JobId} of {AccountId}: deactivated before its attempt was recorded as stopped", JobId, job?.AccountId);
            }
        }
        else if (!drain.IsDraining)
        {
            return;
        }

        if (job is { } current && !current.Status.IsTerminal())
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
        if (phase == JobPhase.WaitingForCapacity && job is { } current && !current.Status.IsTerminal() && !cancelRequested)
        {
            // The grant is the lease: start without asking the capacity grain again.
            phase = JobPhase.Scheduled;
            After(TimeSpan.Zero, RunAttemptAsync);
            return Task.CompletedTask;
        }

        return EnsureProgressAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (job is null)
        {
            // The row is gone (deleted): nothing will ever run, so the reminder must not fire forever.
            wakeUpRegistered = null;
            await StopWakeUpsAsync();
            return;
        }

        await EnsureProgressAsync();
    }

    public Task<JobSnapshot?> GetAsync(string accountId) => Task.FromResult(Owned(accountId) is { } owned ? Snapshot(owned) : null);

    public async Task<IReadOnlyList<JobEvent>> WatchAsync(string accountId, long afterSequence, TimeSpan maxWait)
    {
        if (Owned(accountId) is not { } owned)
        {
            return [];
        }

        var bounded = maxWait > TimeSpan.FromSeconds(20) ? TimeSpan.FromSeconds(20) : maxWait;
        return await events.AfterAsync(afterSequence, bounded, owned.Status.IsTerminal());
    }

    public async Task<JobCommandResult> CancelAsync(string accountId)
    {
        if (Owned(accountId) is not { } owned)
        {
            return JobCommandResult.NotFound;
        }

        if (owned.Status.IsTerminal())
        {
            return NotAllowed(owned.Status, $"The job is already {owned.Status.ToDatabase()}; only queued or processing jobs can be cancelled.");
        }

        // Set before the first await: an attempt resuming at its next await sees it and stops.
        cancelRequested = true;
        if (attemptCancellation is { } running)
        {
            await running.CancelAsync();
        }

        // The cancel clears the attempt's token in the same write, so nothing the attempt still does can undo it.
        if (!await jobs.CancelAsync(JobId, CancellationToken.None))
        {
            cancelRequested = false;
            job = await jobs.GetAsync(JobId, CancellationToken.None);
            return NotAllowed(job!.Status, $"The job is already {job.Status.ToDatabase()}.");
        }

        await StepAsync(SystemLogLevel.Info, "Job cancelled");
        await FinishAsync(JobStatus.Cancelled, "Cancelled", errorMessage: null);
        return new JobCommandResult { Outcome = JobCommandOutcome.Done, Status = JobStatus.Cancelled };
    }

    public async Task<JobCommandResult> RequeueAsync(string accountId)
    {
        if (Owned(accountId) is not { } owned)
        {
            return JobCommandResult.NotFound;
        }

        if (owned.Status is not (JobStatus.Failed or JobStatus.Cancelled) || !await jobs.RequeueAsync(JobId, CancellationToken.None))
        {
            return NotAllowed(owned.Status, $"A {owned.Status.ToDatabase()} job cannot be retried; only failed or cancelled ones.");
        }

        job = await jobs.GetAsync(JobId, CancellationToken.None);
        cancelRequested = false;
        phase = JobPhase.Idle;
        Record(JobEventKind.Status, JobStatus.Queued, 0, "Queued again by a retry");
        await StepAsync(SystemLogLevel.Info, "Job queued again for a manual retry");
        return new JobCommandResult { Outcome = JobCommandOutcome.Done, Status = JobStatus.Queued };
    }

    /// <summary>Moves the job on from wherever it stands; safe to call any number of times, from any trigger.</summary>
    private async Task EnsureProgressAsync()
    {
        if (stepping > 0)
        {
            return;
        }

        stepping++;
        try
        {
            await AdvanceAsync();
        }
        finally
        {
            stepping--;
        }
    }

    /// <summary>One step of the state machine; only the step that holds <see cref="stepping"/> calls it.</summary>
    private async Task AdvanceAsync()
    {
        if (job is null)
        {
            return;
        }

        if (job.Status.IsTerminal() || cancelRequested)
        {
            await ReleaseCapacityAsync(TimeSpan.Zero);
            await StopWakeUpsAsync();
            return;
        }

        try
        {
            await MoveOnAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database or the capacity grain did not answer; nothing was sent to Ideogram. Try again shortly.
            logger.LogWarning(e, "Job {JobId} of {AccountId} could not move on; trying again in {Delay}", JobId, job.AccountId, BookkeepingRetry);
            phase = JobPhase.Scheduled;
            After(BookkeepingRetry, ReloadAndMoveOnAsync);
        }
    }

    private async Task MoveOnAsync()
    {
        var current = job!;
        if (drain.IsDraining)
        {
            // No attempt starts on a stopping silo; its deactivation wakes the job on another.
            return;
        }

        switch (phase)
        {
            case JobPhase.Running or JobPhase.Scheduled:
                return;
            case JobPhase.WaitingForCapacity:
                // Ask again: a capacity grain that restarted may not know this job, and a held lease is renewed.
                if (await Capacity.RequestAsync(JobId, current.AccountId, Units, attemptToken: null) && phase == JobPhase.WaitingForCapacity)
                {
                    phase = JobPhase.Scheduled;
                    After(TimeSpan.Zero, RunAttemptAsync);
                }

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
            phase = JobPhase.Scheduled;
            After(due - now, AfterBackoffAsync);
            return;
        }

        var key = await keys.ChooseAsync(JobId, current.PinnedKeyIdentity, CancellationToken.None);
        keyIdentity = key.Identity;
        job = job! with { PinnedKeyIdentity = key.Identity };
        if (key.Unusable is { } unusable && !current.HasGeneration)
        {
            await FailWithoutAttemptAsync(unusable);
            return;
        }

        if (Units > key.MaxInflightImages)
        {
            await FailWithoutAttemptAsync(string.Create(CultureInfo.InvariantCulture,
                $"The job asks for {Units} images at once, more than Ideogram's in-flight limit configured for the key ({key.LimitSetting} = {key.MaxInflightImages}); lower numImages."));
            return;
        }

        if (current.HasGeneration)
        {
            // Ideogram already answered: only storing is left, which takes no provider capacity.
            phase = JobPhase.Scheduled;
            After(TimeSpan.Zero, RunAttemptAsync);
            return;
        }

        phase = JobPhase.WaitingForCapacity;
        capacityOwed = true;
        if (await Capacity.RequestAsync(JobId, current.AccountId, Units, attemptToken: null))
        {
            if (phase == JobPhase.WaitingForCapacity)
            {
                phase = JobPhase.Scheduled;
                After(TimeSpan.Zero, RunAttemptAsync);
            }

            return;
        }

        Record(JobEventKind.Progress, current.Status, current.ProgressPercentage, "Waiting for Ideogram capacity");
        if (current.DispatchedAt is null)
        {
            // Kept so the job's place in line and its account slot survive a restart of either grain.
            await jobs.MarkDispatchedAsync(JobId, now, CancellationToken.None);
            job = job! with { DispatchedAt = now };
        }
    }

    private Task AfterBackoffAsync()
    {
        phase = JobPhase.Idle;
        job = job! with { NextAttemptAt = null };
        return AdvanceAsync();
    }

    /// <summary>
    /// Another attempt owns the row: take it over once that attempt is surely gone (its silo dead in
    /// membership, this very silo, or its deadline passed). Until then the job stays idle, so the poke
    /// that follows a silo's death moves it on at once, and it looks again every few seconds.
    /// </summary>
    private async Task TakeOverWhenGoneAsync(string owner)
    {
        var current = job!;
        var now = time.GetUtcNow().UtcDateTime;
        var deadline = current.AttemptDeadline ?? now;
        if (!OwnerIsGone(current.WorkerId) && deadline > now)
        {
            phase = JobPhase.Idle;
            After(deadline - now < OwnerCheck ? deadline - now : OwnerCheck, ReloadAndMoveOnAsync);
            return;
        }

        // A call the gone attempt made may still run at Ideogram, unless its answer was kept: at most until the
        // attempt's own bound (its claim plus JOB_TIMEOUT_SECONDS, the longest a generation may take).
        var surelyEnded = deadline - IdeogramCapacityGrain.LeaseMargin;
        var busyFor = current.HasGeneration || surelyEnded <= now ? TimeSpan.Zero : surelyEnded - now;
        var reason = $"The attempt was cut off: the silo running it ({current.WorkerId}) stopped.";
        if (!await jobs.TakeOverAsync(JobId, owner, reason, busyFor > TimeSpan.Zero ? now + busyFor : null, CancellationToken.None))
        {
            await ReloadAndMoveOnAsync();
            return;
        }

        metrics.AttemptRetried(RetryCause.SiloLost);
        logger.LogWarning("Job {JobId} of {AccountId} was cut off mid-attempt on {WorkerId}; taken over, not counted as the job's failure", JobId, current.AccountId, current.WorkerId);
        await StepAsync(SystemLogLevel.Warn, reason + " Resuming; this does not count against the job's retries.");

        // Read again: the gone attempt may have kept Ideogram's answer (or images) after this activation read the row.
        job = await jobs.GetAsync(JobId, CancellationToken.None);
        if (job is null)
        {
            return;
        }

        await TakeBackCapacityAsync(busyFor);
        if (job.Interruptions > settings.MaxInterruptions)
        {
            await FailWithoutAttemptAsync($"{reason} The job was interrupted {job.Interruptions} times (JOB_MAX_INTERRUPTIONS = {settings.MaxInterruptions}).");
            return;
        }

        await MoveOnAsync();
    }

    private async Task ReloadAndMoveOnAsync()
    {
        phase = JobPhase.Idle;
        job = await jobs.GetAsync(JobId, CancellationToken.None);
        await AdvanceAsync();
    }

    /// <summary>Whether membership says the silo that ran an attempt is gone (an unknown silo is gone: it left the table).</summary>
    private bool OwnerIsGone(string? workerId)
    {
        if (ownToken is not null && ownToken == job?.AttemptToken)
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

    /// <summary>Claims the row for a new attempt, confirms the capacity, runs the attempt and settles what it returns.</summary>
    private async Task RunAttemptAsync()
    {
        phase = JobPhase.Running;
        var current = job!;
        if (current.Status.IsTerminal() || cancelRequested)
        {
            phase = JobPhase.Idle;
            await AdvanceAsync();
            return;
        }

        if (drain.IsDraining)
        {
            // This silo is stopping: the grant goes to jobs elsewhere, and the silo's deactivation wakes this job on another.
            await ReleaseCapacityAsync(TimeSpan.Zero);
            phase = JobPhase.Idle;
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        var claimed = false;
        var number = current.RetryCount + 1;
        var details = Progress(number, current.HasGeneration ? "storing the images Ideogram generated" : $"generating {Units} image(s)");
        RunningAttempt attempt;
        try
        {
            var claimedAt = time.GetUtcNow().UtcDateTime;
            var claim = new AttemptClaim(token, silo.SiloAddress.ToString(), claimedAt + settings.JobTimeout + IdeogramCapacityGrain.LeaseMargin, details);
            if (!await jobs.ClaimAttemptAsync(JobId, claim, CancellationToken.None))
            {
                await ReloadAndMoveOnAsync();
                return;
            }

            claimed = true;

            // The row as this activation last read it is the row now: every change since went through
            // this activation, or through a take-over, which reads it again.
            job = current = current with
            {
                Status = JobStatus.Processing,
                AttemptToken = token,
                WorkerId = claim.WorkerId,
                NextAttemptAt = null,
                StartedAt = current.StartedAt ?? time.GetUtcNow().UtcDateTime,
            };

            // The grant may come from a capacity grain that has since restarted; the claim is now visible to
            // any new one, so asking again tells whether this job's units are counted.
            if (!current.HasGeneration && !await Capacity.RequestAsync(JobId, current.AccountId, Units, token))
            {
                await jobs.ReleaseClaimAsync(JobId, token, CancellationToken.None);
                var firstAttempt = current.RetryCount == 0 && current.Interruptions == 0;
                job = current with
                {
                    Status = firstAttempt ? JobStatus.Queued : current.Status,
                    StartedAt = firstAttempt ? null : current.StartedAt,
                    AttemptToken = null,
                    WorkerId = null,
                };
                phase = JobPhase.WaitingForCapacity;
                return;
            }

            leaseToken = current.HasGeneration ? null : token;
            attempt = new RunningAttempt(current, token, number, claimedAt) { Trace = startedBy, KeyIdentity = keyIdentity };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobId} of {AccountId}: attempt {Attempt} could not start; trying again in {Delay}", JobId, current.AccountId, number, BookkeepingRetry);
            if (claimed)
            {
                // Nothing reached Ideogram: give the row back so the retry claims it, instead of taking it over.
                await GiveBackClaimAsync(token);
            }

            phase = JobPhase.Scheduled;
            After(BookkeepingRetry, ReloadAndMoveOnAsync);
            return;
        }

        Record(JobEventKind.Status, JobStatus.Processing, Math.Max(current.ProgressPercentage, 10), details);
        var startLogged = StepAsync(SystemLogLevel.Info, $"Attempt {number} of {settings.RetryMaxAttempts} started on {silo.SiloAddress}");

        using var cancellation = new CancellationTokenSource(settings.JobTimeout, time);
        using var tracked = drain.Track(JobId, cancellation);
        attemptCancellation = cancellation;
        ownToken = token;
        var run = RunAndSettleAsync(attempt, cancellation.Token);
        attemptRun = run;
        try
        {
            await run;
        }
        finally
        {
            attemptCancellation = null;
            ownToken = null;
            await startLogged;
        }
    }

    private async Task GiveBackClaimAsync(string token)
    {
        try
        {
            await jobs.ReleaseClaimAsync(JobId, token, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The claim's deadline frees the row for the next activation.
            logger.LogWarning(e, "Job {JobId} of {AccountId}: the claim of an attempt that never started could not be given back", JobId, job?.AccountId);
        }
    }

    private async Task RunAndSettleAsync(RunningAttempt attempt, CancellationToken cancellationToken)
    {
        AttemptOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(attempt, this, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new AttemptOutcome(AttemptEnd.Retry, $"{e.GetType().Name}: {e.Message}");
            logger.LogError(e, "Job {JobId} of {AccountId}: attempt {Attempt} failed unexpectedly", JobId, attempt.Job.AccountId, attempt.Number);
        }

        await SettleAsync(attempt, outcome);
    }

    /// <summary>Records how the attempt ended and what comes next; when that record cannot be written, tries again shortly.</summary>
    private async Task SettleAsync(RunningAttempt attempt, AttemptOutcome outcome)
    {
        try
        {
            await DecideAsync(attempt, outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The attempt still owns the row (its token), so no other activation takes it before its deadline.
            logger.LogWarning(e, "Job {JobId} of {AccountId}: the end of attempt {Attempt} could not be recorded; trying again in {Delay}", JobId, attempt.Job.AccountId, attempt.Number, BookkeepingRetry);
            phase = JobPhase.Scheduled;
            After(BookkeepingRetry, () => SettleAsync(attempt, outcome));
        }
    }

    private async Task DecideAsync(RunningAttempt attempt, AttemptOutcome outcome)
    {
        if (cancelRequested || outcome.End == AttemptEnd.Lost)
        {
            await AfterLostAsync(outcome);
            return;
        }

        var (end, reason) = outcome.End switch
        {
            AttemptEnd.Stopped when deactivating || drain.IsCuttingOff => (AttemptEnd.Interrupted, "The attempt was stopped: its silo is shutting down or moving the job."),
            AttemptEnd.Stopped => (AttemptEnd.Retry, string.Create(CultureInfo.InvariantCulture, $"The attempt took longer than JOB_TIMEOUT_SECONDS ({settings.JobTimeoutSeconds:0.###} s).")),
            _ => (outcome.End, outcome.Reason ?? "The attempt failed."),
        };

        switch (end)
        {
            case AttemptEnd.Completed:
                phase = JobPhase.Idle;
                job = attempt.Job with { Status = JobStatus.Processing, Images = outcome.Images };
                await FinishAsync(JobStatus.Completed, $"Completed with {outcome.Images.Count} image(s)", errorMessage: null);
                return;
            case AttemptEnd.Failed:
                await FailAsync(attempt, reason, "permanent failure", attempt.Job.RetryCount);
                return;
            case AttemptEnd.Interrupted:
                await SetBackAsync(attempt, reason, outcome, ours: true);
                return;
            default:
                await SetBackAsync(attempt, reason, outcome, ours: false);
                return;
        }
    }

    /// <summary>The attempt lost the row (a cancel, or another activation took it): write nothing, follow the row.</summary>
    private async Task AfterLostAsync(AttemptOutcome outcome)
    {
        if (outcome.ProviderBusyUntil is { } busyUntil)
        {
            await jobs.NoteProviderBusyAsync(JobId, busyUntil, CancellationToken.None);
        }

        phase = JobPhase.Idle;
        if (!cancelRequested)
        {
            job = await jobs.GetAsync(JobId, CancellationToken.None);
            await AdvanceAsync();
        }
    }

    /// <summary>A retry will follow: after a backoff for the job's own failures, at once (or after Retry-After) for ours.</summary>
    private async Task SetBackAsync(RunningAttempt attempt, string reason, AttemptOutcome outcome, bool ours)
    {
        var current = attempt.Job;
        var retries = ours ? current.RetryCount : current.RetryCount + 1;
        var interruptions = ours ? current.Interruptions + 1 : current.Interruptions;
        if (!ours && retries >= settings.RetryMaxAttempts)
        {
            // retry_count counts retries made: the attempts less the first.
            await FailAsync(attempt, reason, $"gave up after {retries} attempt(s)", current.RetryCount);
            return;
        }

        if (ours && interruptions > settings.MaxInterruptions)
        {
            await FailAsync(attempt, $"{reason} The job was interrupted {interruptions} times (JOB_MAX_INTERRUPTIONS = {settings.MaxInterruptions}).", "interrupted too often", retries);
            return;
        }

        var delay = ours
            ? outcome.RetryAfter ?? TimeSpan.Zero
            : RetryBackoff.Delay(retries, settings.RetryBaseDelay, settings.RetryMaxDelay, outcome.RetryAfter, Random.Shared.NextDouble());
        var next = time.GetUtcNow().UtcDateTime + delay;
        var detail = ours
            ? string.Create(CultureInfo.InvariantCulture, $"attempt {attempt.Number} was cut off on our side; resuming in {delay.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"attempt {attempt.Number} of {settings.RetryMaxAttempts} failed; retrying in {delay.TotalSeconds:0.#} s");
        var setback = new AttemptSetback
        {
            RetryCount = retries,
            Interruptions = interruptions,
            ErrorMessage = reason,
            ProgressDetails = detail,
            NextAttemptAt = next,
            ProviderBusyUntil = outcome.ProviderBusyUntil,
        };
        if (!await jobs.RecordSetbackAsync(JobId, attempt.Token, setback, CancellationToken.None))
        {
            await AfterLostAsync(outcome);
            return;
        }

        metrics.AttemptRetried(RetryCause.Of(outcome, ours));

        job = current with
        {
            RetryCount = retries,
            Interruptions = interruptions,
            ErrorMessage = reason,
            ProgressDetails = detail,
            NextAttemptAt = next,
            WorkerId = null,
            AttemptToken = null,
            AttemptDeadline = null,
        };
        Record(JobEventKind.Progress, JobStatus.Processing, current.ProgressPercentage, $"{detail}: {reason}");
        await StepAsync(SystemLogLevel.Warn, ours
            ? $"Attempt {attempt.Number} was cut off on our side (not counted against the job's retries): {reason}"
            : string.Create(CultureInfo.InvariantCulture, $"Attempt {attempt.Number} failed (transient): {reason} Retrying in {delay.TotalSeconds:0.#} s."));
        await ReleaseCapacityAsync(TimeSpan.Zero);
        if (deactivating)
        {
            phase = JobPhase.Idle;
            return;
        }

        // The reload tells the next attempt whether Ideogram's answer was kept.
        phase = JobPhase.Scheduled;
        After(delay, ReloadAndMoveOnAsync);
        await KeepAwakeForRetryAsync();
    }

    /// <summary>The retry survives this silo: the reminder wakes the job elsewhere if the timer dies with it.</summary>
    private async Task KeepAwakeForRetryAsync()
    {
        if (wakeUpRegistered == true)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(WakeUpReminder, settings.ReminderPeriod, settings.ReminderPeriod);
            wakeUpRegistered = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The account's reminder pokes every unfinished job as well; the retry is not lost.
            logger.LogWarning(e, "Job {JobId} of {AccountId}: the wake-up reminder could not be registered", JobId, job?.AccountId);
        }
    }

    private async Task FailAsync(RunningAttempt attempt, string reason, string why, int retries)
    {
        if (!await jobs.FailAsync(JobId, attempt.Token, retries, reason, CancellationToken.None))
        {
            await AfterLostAsync(AttemptOutcome.Lost);
            return;
        }

        job = attempt.Job with { RetryCount = retries };
        await FailedAsync(reason, why);
    }

    /// <summary>Fails a job no attempt owns (a job that can never run as asked, or one interrupted too often).</summary>
    private async Task FailWithoutAttemptAsync(string reason)
    {
        if (!await jobs.FailAsync(JobId, null, job!.RetryCount, reason, CancellationToken.None))
        {
            await ReloadAndMoveOnAsync();
            return;
        }

        await FailedAsync(reason, "permanent failure");
    }

    private async Task FailedAsync(string reason, string why)
    {
        logger.LogWarning("Job {JobId} of {AccountId} failed ({Why}): {Reason}", JobId, job!.AccountId, why, reason);
        await StepAsync(SystemLogLevel.Error, $"Job failed ({why}): {reason}");
        await FinishAsync(JobStatus.Failed, reason, reason);
    }

    private async Task FinishAsync(JobStatus status, string message, string? errorMessage)
    {
        var current = job!;
        metrics.JobFinished(current.JobTypeName, status);
        job = current with
        {
            Status = status,
            ErrorMessage = errorMessage,
            CompletedAt = time.GetUtcNow().UtcDateTime,
            ProgressPercentage = status == JobStatus.Completed ? 100 : current.ProgressPercentage,
            AttemptToken = null,
            NextAttemptAt = null,
        };
        job = await costRefresh.WithCostAsync(job);
        phase = JobPhase.Idle;
        timer?.Dispose();
        timer = null;
        Record(JobEventKind.Status, status, job.ProgressPercentage, message);

        // Whatever this activation believes it owes: a capacity grain rebuilt from the table may count a lease for
        // an attempt of this job that ended without being able to give it back.
        var lastAttempt = leaseToken;
        await SettleCapacityAsync(() => Capacity.ForgetAsync(JobId, lastAttempt));
        await StopWakeUpsAsync();
        _ = GrainFactory.GetGrain<IAccountGrain>(current.AccountId).JobEndedAsync(JobId, status);
    }

    public async Task ProviderCallEndedAsync(TimeSpan stillBusyFor)
    {
        if (stillBusyFor <= TimeSpan.Zero)
        {
            await ReleaseCapacityAsync(TimeSpan.Zero);
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
            logger.LogWarning(e, "Job {JobId} of {AccountId}: an abandoned Ideogram call could not be noted; only the live capacity grain counts it", JobId, job?.AccountId);
        }

        capacityOwed = true;
        await ReleaseCapacityAsync(stillBusyFor);
    }

    public void Progressed(JobEventKind kind, int percentage, string detail, JobImage? image = null)
    {
        job = job! with
        {
            ProgressPercentage = percentage,
            ProgressDetails = detail,
            Images = image is null ? job.Images : [.. job.Images.Where(i => i.Index != image.Index), image],
        };
        Record(kind, JobStatus.Processing, percentage, detail, image);
    }

    /// <summary>
    /// Adds the event to the job's own log and tells the account's live lists, one-way: the job never
    /// waits on them, and a lost notice costs a watcher only a refresh. A finished job's notice carries its images.
    /// </summary>
    private void Record(JobEventKind kind, JobStatus status, int progress, string? message, JobImage? image = null)
    {
        events.Add(kind, status, progress, message, image);
        if (job is not { } current)
        {
            return;
        }

        _ = GrainFactory.GetGrain<IAccountEventsGrain>(current.AccountId).PublishAsync(new AccountJobEvent
        {
            JobId = JobId,
            Kind = kind switch
            {
                JobEventKind.Image => AccountJobEventKind.Image,
                JobEventKind.Progress => AccountJobEventKind.Progress,
                _ => AccountJobEventKind.Status,
            },
            Status = status,
            JobTypeName = current.JobTypeName,
            ProgressPercentage = progress,
            Message = message,
            Images = status.IsTerminal() ? current.Images : image is null ? [] : [image],
            At = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Frees the job's lease (or withdraws its waiting request); a no-op when nothing is owed.</summary>
    private Task ReleaseCapacityAsync(TimeSpan stillBusyFor) =>
        capacityOwed
            ? SettleCapacityAsync(stillBusyFor > TimeSpan.Zero
                ? () => Capacity.ReleaseAbandonedAsync(JobId, Units, stillBusyFor, leaseToken)
                : () => Capacity.ReleaseAsync(JobId, leaseToken))
            : Task.CompletedTask;

    /// <summary>Takes the gone attempt's lease back, whichever activation held it, keeping a call that may still run counted.</summary>
    private Task TakeBackCapacityAsync(TimeSpan stillBusyFor) =>
        SettleCapacityAsync(() => Capacity.TakeBackAsync(JobId, Units, stillBusyFor));

    /// <summary>
    /// Gives capacity back through <paramref name="call"/>. Never worth failing the job over: a lease lapses
    /// at its deadline, and a capacity grain that moved rebuilt its count from the table; the debt stays
    /// for the next release.
    /// </summary>
    private async Task SettleCapacityAsync(Func<Task> call)
    {
        try
        {
            await call();
            capacityOwed = false;
            leaseToken = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobId} of {AccountId} could not give back its Ideogram capacity", JobId, job?.AccountId);
        }
    }

    private async Task StopWakeUpsAsync()
    {
        if (wakeUpRegistered == false)
        {
            return;
        }

        if (await this.GetReminder(WakeUpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        wakeUpRegistered = false;
    }

    /// <summary>
    /// Runs <paramref name="step"/> once after <paramref name="delay"/>, interleaved with calls (reads and
    /// cancels are answered meanwhile), keeping the grain active. The step holds <see cref="stepping"/>.
    /// </summary>
    private void After(TimeSpan delay, Func<Task> step)
    {
        timer?.Dispose();
        timer = this.RegisterGrainTimer(
            async _ =>
            {
                stepping++;
                try
                {
                    await step();
                }
                finally
                {
                    stepping--;
                }
            },
            new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    /// <summary>A step of the job in ssnews_system_logs; the log is a record, so its own failure only warns.</summary>
    public async Task StepAsync(SystemLogLevel level, string message)
    {
        try
        {
            await systemLog.WriteAsync(level, message, JobId, job?.AccountId, metadataJson: null, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not write a system log step for job {JobId} of {AccountId}", JobId, job?.AccountId);
        }
    }

    private StoredJob? Owned(string accountId) =>
        job is not null && string.Equals(job.AccountId, accountId, StringComparison.Ordinal) ? job : null;

    private string Progress(int attempt, string what) =>
        attempt == 1 ? what : $"attempt {attempt} of {settings.RetryMaxAttempts}: {what}";

    private static JobCommandResult NotAllowed(JobStatus status, string message) =>
        new() { Outcome = JobCommandOutcome.NotAllowed, Status = status, Message = message };

    private JobSnapshot Snapshot(StoredJob owned) => new()
    {
        JobId = owned.JobId,
        AccountId = owned.AccountId,
        Status = owned.Status,
        ConfigId = owned.ConfigId,
        JobTypeName = owned.JobTypeName,
        Prompt = owned.Prompt,
        Priority = owned.Priority,
        ProgressPercentage = owned.ProgressPercentage,
        ProgressDetails = owned.ProgressDetails,
        RetryCount = owned.RetryCount,
        MaxRetries = owned.MaxRetries,
        ErrorMessage = owned.ErrorMessage,
        CreatedAt = owned.CreatedAt,
        StartedAt = owned.StartedAt,
        CompletedAt = owned.CompletedAt,
        FinalSettings = owned.FinalSettings,
        Images = owned.Images,
        RegeneratedFrom = owned.RegeneratedFrom,
        Replay = owned.Replay,
        NextAttemptAt = owned.NextAttemptAt,
        Cost = owned.Cost,
    };
}
