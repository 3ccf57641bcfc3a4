using System.Diagnostics;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.Capacity;
using IdeogramJobs.Grains.Draining;
using IdeogramJobs.Grains.Options;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// The attempt in progress of one job: claims the row with a new token, runs the attempt (generate,
/// store, record: <see cref="JobAttemptRunner"/>) under its own cancellation, hears from it, and writes
/// how it ended once the job's state machine has decided what follows (<see cref="AttemptVerdict"/>).
/// </summary>
public sealed class JobAttempt(
    JobActivation activation,
    IJobStore jobs,
    JobAttemptRunner runner,
    JobCapacity capacity,
    JobEventFeed events,
    JobStepLog steps,
    SiloDrain drain,
    ILocalSiloDetails silo,
    JobEngineOptions settings,
    JobMetrics metrics,
    TimeProvider time,
    ILogger logger) : IAttemptObserver
{
    private CancellationTokenSource? cancellation;

    /// <summary>The attempt that runs now, settling included; completed when none runs.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    public bool IsRunning => cancellation is not null;

    /// <summary>
    /// Claims the row, confirms the capacity, runs the attempt and hands what it returns to
    /// <paramref name="settle"/>; says how the start went.
    /// </summary>
    public async Task<AttemptStart> RunAsync(ActivityContext trace, Func<RunningAttempt, AttemptOutcome, Task> settle)
    {
        var current = activation.Job!;
        var token = Guid.NewGuid().ToString("N");
        var claimed = false;
        var number = current.RetryCount + 1;
        var details = Progress(number, current.HasGeneration ? "storing the images Ideogram generated" : $"generating {activation.Units} image(s)");
        RunningAttempt attempt;
        try
        {
            var claimedAt = time.GetUtcNow().UtcDateTime;
            var claim = new AttemptClaim(token, silo.SiloAddress.ToString(), claimedAt + settings.JobTimeout + IdeogramCapacityGrain.LeaseMargin, details);
            if (!await jobs.ClaimAttemptAsync(activation.JobId, claim, CancellationToken.None))
            {
                return AttemptStart.Lost;
            }

            claimed = true;

            // The row as this activation last read it is the row now: every change since went through
            // this activation, or through a take-over, which reads it again.
            activation.Job = current = current with
            {
                Status = JobStatus.Processing,
                AttemptToken = token,
                WorkerId = claim.WorkerId,
                NextAttemptAt = null,
                StartedAt = current.StartedAt ?? time.GetUtcNow().UtcDateTime,
            };

            // The grant may come from a capacity grain that has since restarted; the claim is now visible to
            // any new one, so asking again tells whether this job's units are counted.
            if (!current.HasGeneration && !await capacity.RequestAsync(token))
            {
                await jobs.ReleaseClaimAsync(activation.JobId, token, CancellationToken.None);
                var firstAttempt = current.RetryCount == 0 && current.Interruptions == 0;
                activation.Job = current with
                {
                    Status = firstAttempt ? JobStatus.Queued : current.Status,
                    StartedAt = firstAttempt ? null : current.StartedAt,
                    AttemptToken = null,
                    WorkerId = null,
                };
                return AttemptStart.NoCapacity;
            }

            capacity.BindLease(current.HasGeneration ? null : token);
            attempt = new RunningAttempt(current, token, number, claimedAt) { Trace = trace, KeyIdentity = capacity.KeyIdentity };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JobGrainLog.AttemptCouldNotStart(logger, e, activation.JobId, current.AccountId, number, JobGrain.BookkeepingRetry);
            if (claimed)
            {
                // Nothing reached Ideogram: give the row back so the retry claims it, instead of taking it over.
                await GiveBackClaimAsync(token);
            }

            return AttemptStart.Failed;
        }

        events.Record(JobEventKind.Status, JobStatus.Processing, Math.Max(current.ProgressPercentage, 10), details);
        var startLogged = steps.WriteAsync(SystemLogLevel.Info, $"Attempt {number} of {settings.RetryMaxAttempts} started on {silo.SiloAddress}");

        using var attemptCancellation = new CancellationTokenSource(settings.JobTimeout, time);
        using var tracked = drain.Track(activation.JobId, attemptCancellation);
        cancellation = attemptCancellation;
        activation.OwnToken = token;
        var run = RunAndSettleAsync(attempt, settle, attemptCancellation.Token);
        Running = run;
        try
        {
            await run;
        }
        finally
        {
            cancellation = null;
            activation.OwnToken = null;
            await startLogged;
        }

        return AttemptStart.Done;
    }

    /// <summary>Stops the running attempt, if any: it ends as stopped at its next await.</summary>
    public async Task StopAsync()
    {
        if (cancellation is { } running)
        {
            await running.CancelAsync();
        }
    }

    /// <summary>
    /// Stops the running attempt as its activation deactivates and waits until its end is recorded
    /// (as cut off by us), as long as <paramref name="cancellationToken"/> allows.
    /// </summary>
    public async Task StopForHandOverAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        try
        {
            await Running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: the attempt keeps its token, and its deadline hands the row to the next activation.
            JobGrainLog.DeactivatedMidAttempt(logger, activation.JobId, activation.AccountId);
        }
    }

    /// <summary>
    /// Decides what follows the attempt (<see cref="AttemptVerdict"/>) and writes it: the failure or the
    /// setback, with the capacity given back; a row the attempt no longer owns is followed, with an
    /// abandoned Ideogram call noted. Says what follows as it now stands.
    /// </summary>
    /// <param name="cutOff">Whether a stopped attempt was stopped by our side (its silo stopping or moving the job).</param>
    public async Task<AttemptVerdict> SettleAsync(RunningAttempt attempt, AttemptOutcome outcome, bool cutOff)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(outcome);
        var verdict = AttemptVerdict.Of(attempt, outcome, activation.CancelRequested, cutOff, settings, Random.Shared.NextDouble());
        if (verdict.FollowUp == AttemptFollowUp.Complete)
        {
            activation.Job = attempt.Job with { Status = JobStatus.Processing, Images = outcome.Images, Cost = outcome.Cost ?? attempt.Job.Cost };
            return verdict;
        }

        if (verdict.FollowUp == AttemptFollowUp.Fail)
        {
            return await RecordFailureAsync(attempt, verdict) ? verdict : AttemptVerdict.FollowTheRow;
        }

        if (verdict.FollowUp == AttemptFollowUp.Retry && await RecordSetbackAsync(attempt, verdict, outcome))
        {
            return verdict;
        }

        if (outcome.ProviderBusyUntil is { } busyUntil)
        {
            await jobs.NoteProviderBusyAsync(activation.JobId, busyUntil, CancellationToken.None);
        }

        return AttemptVerdict.FollowTheRow;
    }

    public Task ProviderCallEndedAsync(TimeSpan stillBusyFor) => capacity.ProviderCallEndedAsync(stillBusyFor);

    public void Progressed(JobEventKind kind, int percentage, string detail, JobImage? image = null)
    {
        var job = activation.Job!;
        activation.Job = job with
        {
            ProgressPercentage = percentage,
            ProgressDetails = detail,
            Images = image is null ? job.Images : [.. job.Images.Where(i => i.Index != image.Index), image],
        };
        events.Record(kind, JobStatus.Processing, percentage, detail, image);
    }

    public Task StepAsync(SystemLogLevel level, string message) => steps.WriteAsync(level, message);

    private async Task<bool> RecordFailureAsync(RunningAttempt attempt, AttemptVerdict verdict)
    {
        var end = await jobs.FailAsync(activation.JobId, attempt.Token, verdict.RetryCount, verdict.Reason, CancellationToken.None);
        if (!end.Ended)
        {
            return false;
        }

        activation.Job = attempt.Job with { RetryCount = verdict.RetryCount, Cost = end.Cost ?? attempt.Job.Cost };
        return true;
    }

    private async Task<bool> RecordSetbackAsync(RunningAttempt attempt, AttemptVerdict verdict, AttemptOutcome outcome)
    {
        var next = time.GetUtcNow().UtcDateTime + verdict.Delay;
        var setback = new AttemptSetback
        {
            RetryCount = verdict.RetryCount,
            Interruptions = verdict.Interruptions,
            ErrorMessage = verdict.Reason,
            ProgressDetails = verdict.ProgressDetails,
            NextAttemptAt = next,
            ProviderBusyUntil = outcome.ProviderBusyUntil,
        };
        if (!await jobs.RecordSetbackAsync(activation.JobId, attempt.Token, setback, CancellationToken.None))
        {
            return false;
        }

        metrics.AttemptRetried(RetryCause.Of(outcome, verdict.Ours));
        var current = attempt.Job;
        activation.Job = current with
        {
            RetryCount = verdict.RetryCount,
            Interruptions = verdict.Interruptions,
            ErrorMessage = verdict.Reason,
            ProgressDetails = verdict.ProgressDetails,
            NextAttemptAt = next,
            WorkerId = null,
            AttemptToken = null,
            AttemptDeadline = null,
        };
        events.Record(JobEventKind.Progress, JobStatus.Processing, current.ProgressPercentage, $"{verdict.ProgressDetails}: {verdict.Reason}");
        await steps.WriteAsync(SystemLogLevel.Warn, verdict.Step);
        await capacity.ReleaseAsync(TimeSpan.Zero);
        return true;
    }

    private async Task RunAndSettleAsync(RunningAttempt attempt, Func<RunningAttempt, AttemptOutcome, Task> settle, CancellationToken cancellationToken)
    {
        AttemptOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(attempt, this, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new AttemptOutcome(AttemptEnd.Retry, $"{e.GetType().Name}: {e.Message}");
            JobGrainLog.AttemptFailedUnexpectedly(logger, e, activation.JobId, attempt.Job.AccountId, attempt.Number);
        }

        await settle(attempt, outcome);
    }

    private async Task GiveBackClaimAsync(string token)
    {
        try
        {
            await jobs.ReleaseClaimAsync(activation.JobId, token, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The claim's deadline frees the row for the next activation.
            JobGrainLog.ClaimNotGivenBack(logger, e, activation.JobId, activation.AccountId);
        }
    }

    private string Progress(int attempt, string what) =>
        attempt == 1 ? what : $"attempt {attempt} of {settings.RetryMaxAttempts}: {what}";
}
