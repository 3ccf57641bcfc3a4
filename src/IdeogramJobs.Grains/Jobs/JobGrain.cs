using System.Globalization;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.Capacity;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Translation;
using IdeogramJobs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// One job's state machine. The ssnews_jobs row is its durable state; this activation adds the
/// attempt in progress. An attempt runs in an interleaving timer, so status reads and cancel are
/// answered while Ideogram works. If this silo dies, the job wakes elsewhere: a scheduled retry
/// through the job's own reminder, a running attempt through the account's reminder, which pokes
/// every unfinished job. An attempt that was cut off counts as a failed attempt, so no job loops
/// or stays processing.
/// </summary>
public sealed class JobGrain(
    IJobStore jobs,
    GeneratedImageRecorder recorder,
    ISystemLog systemLog,
    IIdeogramClient ideogram,
    IOptions<JobEngineOptions> options,
    TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    private const string WakeUpReminder = "job-wake-up";

    private readonly JobEngineOptions settings = options.Value;
    private readonly JobEventLog events = new(time);
    private StoredJob? job;
    private JobPhase phase = JobPhase.Idle;
    private IGrainTimer? attemptTimer;
    private CancellationTokenSource? attemptCancellation;
    private bool cancelRequested;
    private DateTime? nextAttemptAt;

    /// <summary>Whether the capacity grain may hold a lease or a waiting request of this job, so a release is owed.</summary>
    private bool capacityAsked;

    /// <summary>Whether the wake-up reminder exists: false for a job that never scheduled a retry, null when unknown.</summary>
    private bool? wakeUpRegistered;

    private long JobId => this.GetPrimaryKeyLong();

    private IIdeogramCapacityGrain Capacity => GrainFactory.GetGrain<IIdeogramCapacityGrain>(IdeogramCapacityGrain.DefaultKey);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        job = await jobs.GetAsync(JobId, cancellationToken);
        if (job is null)
        {
            return;
        }

        events.Add(JobEventKind.Status, job.Status, job.ProgressPercentage, job.ProgressDetails);
        wakeUpRegistered = job.Status == JobStatus.Queued ? false : null;

        // A previous activation that died mid-attempt may have left a lease behind.
        capacityAsked = job.Status == JobStatus.Processing;
        if (job.Status == JobStatus.Processing)
        {
            // Processing with no activation means the previous one is gone: resume at once.
            Schedule(TimeSpan.Zero, resumeInterrupted: job.WorkerId is not null);
        }
    }

    public Task StartAsync() => EnsureProgressAsync();

    public Task CapacityGrantedAsync()
    {
        if (phase != JobPhase.WaitingForCapacity || job is null || job.Status.IsTerminal() || cancelRequested)
        {
            return EnsureProgressAsync();
        }

        // The grant is the lease: start without asking the capacity grain again.
        Schedule(TimeSpan.Zero, resumeInterrupted: false, capacityHeld: true);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureProgressAsync();

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
        events.Add(JobEventKind.Status, JobStatus.Queued, 0, "Queued again by a retry");
        await StepAsync(SystemLogLevel.Info, "Job queued again for a manual retry");
        return new JobCommandResult { Outcome = JobCommandOutcome.Done, Status = JobStatus.Queued };
    }

    /// <summary>Moves the job on from wherever it stands; safe to call any number of times.</summary>
    private async Task EnsureProgressAsync()
    {
        if (job is null)
        {
            return;
        }

        if (job.Status.IsTerminal() || cancelRequested)
        {
            await ReleaseCapacityAsync();
            await StopWakeUpsAsync();
            return;
        }

        if (phase is JobPhase.Running or JobPhase.Scheduled)
        {
            return;
        }

        // Claimed before the first await: an interleaving timer or call sees the step is taken.
        var alreadyWaiting = phase == JobPhase.WaitingForCapacity;
        phase = JobPhase.WaitingForCapacity;
        if (await RequestCapacityAsync())
        {
            if (phase == JobPhase.WaitingForCapacity)
            {
                Schedule(TimeSpan.Zero, resumeInterrupted: false, capacityHeld: true);
            }
        }
        else if (!alreadyWaiting)
        {
            events.Add(JobEventKind.Progress, job.Status, job.ProgressPercentage, "Waiting for Ideogram capacity");
        }
    }

    private void Schedule(TimeSpan delay, bool resumeInterrupted, bool capacityHeld = false)
    {
        phase = JobPhase.Scheduled;
        nextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
        attemptTimer?.Dispose();
        attemptTimer = this.RegisterGrainTimer(
            ct => resumeInterrupted ? ResumeInterruptedAsync() : AttemptOrWaitAsync(capacityHeld),
            new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    /// <summary>A timer fired: run now if capacity is held, else ask for it (after a retry's backoff).</summary>
    private async Task AttemptOrWaitAsync(bool capacityHeld)
    {
        // Running from here on, so nothing interleaving at the awaits below starts a second attempt.
        phase = JobPhase.Running;
        nextAttemptAt = null;
        if (job is null || job.Status.IsTerminal() || cancelRequested)
        {
            phase = JobPhase.Idle;
            return;
        }

        if (!capacityHeld && !await RequestCapacityAsync())
        {
            phase = JobPhase.WaitingForCapacity;
            events.Add(JobEventKind.Progress, job.Status, job.ProgressPercentage, "Waiting for Ideogram capacity");
            return;
        }

        await RunAttemptAsync();
    }

    private async Task ResumeInterruptedAsync()
    {
        phase = JobPhase.Running;
        logger.LogWarning("Job {JobId} of {AccountId} was cut off mid-attempt on {WorkerId}; counting that attempt as failed", JobId, job!.AccountId, job.WorkerId);
        await HandleFailureAsync(transient: true, $"The attempt was interrupted: the silo running it ({job.WorkerId}) stopped.", retryAfter: null);
    }

    private async Task RunAttemptAsync()
    {
        var current = job!;
        phase = JobPhase.Running;
        var attempt = current.RetryCount + 1;
        var numImages = current.FinalSettings.NumImages ?? 1;
        if (!await jobs.MarkProcessingAsync(JobId, silo.SiloAddress.ToString(), Progress(attempt, $"generating {numImages} image(s)"), CancellationToken.None))
        {
            phase = JobPhase.Idle;
            await ReleaseCapacityAsync();
            job = await jobs.GetAsync(JobId, CancellationToken.None);
            return;
        }

        job = current = current with { Status = JobStatus.Processing, WorkerId = silo.SiloAddress.ToString(), StartedAt = current.StartedAt ?? time.GetUtcNow().UtcDateTime, ProgressPercentage = 10 };
        events.Add(JobEventKind.Status, JobStatus.Processing, 10, Progress(attempt, $"generating {numImages} image(s)"));

        // Written while Ideogram works: the provider's capacity should not wait on a log line.
        var startLogged = StepAsync(SystemLogLevel.Info, $"Attempt {attempt} of {settings.RetryMaxAttempts} started on {silo.SiloAddress}");

        using var cancellation = new CancellationTokenSource(settings.JobTimeout, time);
        attemptCancellation = cancellation;
        try
        {
            var references = current.StyleReferenceImages.Count == 0
                ? []
                : (await jobs.GetStyleReferencesAsync(JobId, cancellation.Token)).Select(r => new StyleReferenceImage(r.FileName, r.ContentType, r.Content)).ToList();
            IdeogramGeneration generation;
            try
            {
                generation = await ideogram.GenerateAsync(new IdeogramGenerateRequest(current.EffectivePrompt, current.FinalSettings, references), cancellation.Token);
            }
            finally
            {
                await startLogged;
            }

            await ReleaseCapacityAsync();
            if (cancelRequested)
            {
                return;
            }

            await StepAsync(SystemLogLevel.Info, $"Ideogram returned {generation.Images.Count} image(s)");
            var recorded = new List<JobImage>();
            for (var index = 0; index < generation.Images.Count && !cancelRequested; index++)
            {
                var image = generation.Images[index];
                if (!image.HasContent)
                {
                    continue;
                }

                var jobImage = await recorder.RecordAsync(current, index, image, cancellation.Token);
                recorded.Add(jobImage);
                var progress = 60 + (40 * (index + 1) / generation.Images.Count) - 1;
                var detail = $"stored image {index + 1} of {generation.Images.Count}";
                if (index < generation.Images.Count - 1)
                {
                    // The last image's progress is written by the completion itself.
                    await jobs.UpdateProgressAsync(JobId, progress, detail, CancellationToken.None);
                }
                job = current = current with { Images = [.. recorded], ProgressPercentage = progress, ProgressDetails = detail };
                events.Add(JobEventKind.Image, JobStatus.Processing, progress, detail, jobImage);
            }

            if (cancelRequested)
            {
                return;
            }

            var withheld = generation.Images.Count(i => !i.HasContent);
            if (recorded.Count == 0)
            {
                await HandleFailureAsync(transient: false, "Ideogram withheld every image of this prompt as unsafe; change the prompt.", retryAfter: null);
                return;
            }

            if (await jobs.CompleteAsync(JobId, JobResults.ResultsJson(current, recorded, withheld), CancellationToken.None))
            {
                await StepAsync(SystemLogLevel.Info, $"Job completed with {recorded.Count} image(s)" + (withheld > 0 ? $", {withheld} withheld by Ideogram's safety check" : string.Empty));
                await FinishAsync(JobStatus.Completed, $"Completed with {recorded.Count} image(s)", errorMessage: null);
            }
        }
        catch (OperationCanceledException) when (cancelRequested)
        {
            logger.LogInformation("Job {JobId} of {AccountId}: attempt stopped by a cancel", JobId, current.AccountId);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await HandleFailureAsync(transient: true, string.Create(CultureInfo.InvariantCulture, $"The attempt took longer than JOB_TIMEOUT_SECONDS ({settings.JobTimeoutSeconds:0.###} s)."), retryAfter: null);
        }
        catch (IdeogramException e)
        {
            await HandleFailureAsync(e.IsTransient, e.Message, e.RetryAfter);
        }
        catch (ImageStorageException e)
        {
            await HandleFailureAsync(e.IsTransient, "Storing the images failed: " + e.Message, e.RetryAfter);
        }
        finally
        {
            attemptCancellation = null;
            if (phase == JobPhase.Running)
            {
                phase = JobPhase.Idle;
            }

            await ReleaseCapacityAsync();
        }
    }

    private async Task HandleFailureAsync(bool transient, string reason, TimeSpan? retryAfter)
    {
        var current = job!;
        var attempt = current.RetryCount + 1;
        if (transient && attempt < settings.RetryMaxAttempts && !cancelRequested)
        {
            var delay = RetryBackoff.Delay(attempt, settings.RetryBaseDelay, settings.RetryMaxDelay, retryAfter, Random.Shared.NextDouble());
            var detail = string.Create(CultureInfo.InvariantCulture, $"attempt {attempt} of {settings.RetryMaxAttempts} failed; retrying in {delay.TotalSeconds:0.#} s");
            await jobs.RecordAttemptFailureAsync(JobId, attempt, reason, detail, CancellationToken.None);
            job = current with { RetryCount = attempt, ErrorMessage = reason, ProgressDetails = detail, WorkerId = null };
            events.Add(JobEventKind.Progress, JobStatus.Processing, current.ProgressPercentage, $"{detail}: {reason}");
            await StepAsync(SystemLogLevel.Warn, $"Attempt {attempt} failed (transient): {reason} Retrying in {delay.TotalSeconds:0.#} s.");
            Schedule(delay, resumeInterrupted: false);
            // The retry survives this silo: the reminder wakes the job elsewhere if the timer dies with it.
            await this.RegisterOrUpdateReminder(WakeUpReminder, settings.ReminderPeriod, settings.ReminderPeriod);
            wakeUpRegistered = true;
            return;
        }

        if (!await jobs.FailAsync(JobId, current.RetryCount, reason, CancellationToken.None))
        {
            return;
        }

        var why = transient ? $"gave up after {attempt} attempt(s)" : "permanent failure";
        logger.LogWarning("Job {JobId} of {AccountId} failed ({Why}): {Reason}", JobId, current.AccountId, why, reason);
        await StepAsync(SystemLogLevel.Error, $"Job failed ({why}): {reason}");
        await FinishAsync(JobStatus.Failed, reason, reason);
    }

    private async Task FinishAsync(JobStatus status, string message, string? errorMessage)
    {
        var current = job!;
        job = current with
        {
            Status = status,
            ErrorMessage = errorMessage,
            CompletedAt = time.GetUtcNow().UtcDateTime,
            ProgressPercentage = status == JobStatus.Completed ? 100 : current.ProgressPercentage,
        };
        phase = JobPhase.Idle;
        nextAttemptAt = null;
        attemptTimer?.Dispose();
        attemptTimer = null;
        events.Add(JobEventKind.Status, status, job.ProgressPercentage, message);
        await ReleaseCapacityAsync();
        await StopWakeUpsAsync();
        _ = GrainFactory.GetGrain<IAccountGrain>(current.AccountId).JobEndedAsync(JobId, status);
    }

    private Task<bool> RequestCapacityAsync()
    {
        capacityAsked = true;
        return Capacity.RequestAsync(JobId, job!.AccountId, job.FinalSettings.NumImages ?? 1);
    }

    /// <summary>Frees the job's lease or withdraws its waiting request; a no-op when nothing is owed.</summary>
    private async Task ReleaseCapacityAsync()
    {
        if (capacityAsked)
        {
            capacityAsked = false;
            await Capacity.ReleaseAsync(JobId);
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

    /// <summary>A step of the job in ssnews_system_logs; the log is a record, so its own failure only warns.</summary>
    private async Task StepAsync(SystemLogLevel level, string message)
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
        NextAttemptAt = nextAttemptAt,
    };
}
