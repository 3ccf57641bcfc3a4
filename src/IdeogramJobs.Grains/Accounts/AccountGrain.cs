using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Admission;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.Budgets;
using IdeogramJobs.Grains.Configurations;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Pricing;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Settings.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// Admission and dispatch for one account. The queue lives in memory and is rebuilt from
/// ssnews_jobs whenever the grain activates, so a silo dying loses nothing; a reminder keeps the
/// account awake while it has unfinished work and reconciles the queue with the table.
/// </summary>
public sealed class AccountGrain(
    IAccountStore accounts,
    IJobStore jobs,
    IAdmissionHistoryStore admissionHistory,
    JobCostEstimator costs,
    AccountBudgetGate budgetGate,
    IOptions<JobEngineOptions> options,
    TimeProvider time,
    SubmissionBuilder builder,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, IRemindable
{
    private const string KeepAwakeReminder = "account-keep-awake";

    private static readonly TimeSpan DispatchRetry = TimeSpan.FromSeconds(5);

    private readonly AccountQueue queue = new();
    private AccountRecord? account;
    private AdmissionControl? admission;
    private bool reminderRegistered;
    private IGrainTimer? dispatchRetry;
    private JobTypeLookup? jobTypes;

    private string AccountId => this.GetPrimaryKeyString();

    private JobTypeLookup JobTypes => jobTypes ??= new JobTypeLookup(GrainFactory, AccountId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAccountAsync(cancellationToken))
        {
            return;
        }

        reminderRegistered = await this.GetReminder(KeepAwakeReminder) is not null;
        await RebuildAsync(cancellationToken);
    }

    public Task<AccountSummary?> GetSummaryAsync() => Task.FromResult(account?.ToSummary());

    public async Task<AccountSummary?> SetActiveAsync(bool isActive)
    {
        if (!await accounts.SetActiveAsync(AccountId, isActive, CancellationToken.None))
        {
            return null;
        }

        await LoadAccountAsync(CancellationToken.None);
        logger.LogInformation("Account {AccountId} is now {State}", AccountId, isActive ? "active" : "deactivated");
        return account?.ToSummary();
    }

    public async Task<AccountSummary?> SetLimitsAsync(AccountLimits limits)
    {
        if (!await accounts.SetLimitsAsync(AccountId, limits, CancellationToken.None))
        {
            return null;
        }

        await LoadAccountAsync(CancellationToken.None);
        logger.LogInformation("Account {AccountId} limits changed", AccountId);
        await DispatchAsync();
        return account?.ToSummary();
    }

    /// <summary>Reads the account, its limits and what it admitted lately, so reloading never refills a limit.</summary>
    private async Task<bool> LoadAccountAsync(CancellationToken cancellationToken)
    {
        account = await accounts.GetAsync(AccountId, cancellationToken);
        if (account is null)
        {
            return false;
        }

        var limits = AdmissionLimits.For(account, options.Value);
        queue.Cap = limits.MaxConcurrentJobs;
        admission = new AdmissionControl(limits, time, await admissionHistory.ReadAsync(AccountId, time.GetUtcNow(), cancellationToken));
        return true;
    }

    public async Task<SubmissionResult> SubmitAsync(JobSubmission submission)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["AccountId"] = AccountId });
        if (account is null || admission is null)
        {
            return SubmissionResult.Refused(SubmissionOutcome.AccountInactive, "The account does not exist.");
        }

        if (!account.IsActive)
        {
            return SubmissionResult.Refused(SubmissionOutcome.AccountInactive, "The account is deactivated and may not run jobs.");
        }

        var fingerprint = submission.IdempotencyKey is { Length: > 0 } ? SubmissionFingerprint.Of(submission) : null;
        if (submission.IdempotencyKey is { Length: > 0 } key && await jobs.FindByIdempotencyKeyAsync(AccountId, key, CancellationToken.None) is { } earlier)
        {
            return await AnswerAgainAsync(earlier, fingerprint);
        }

        var (built, refusal) = await BuildAsync(submission);
        return built is null ? refusal! : await AdmitAndCreateAsync(built, fingerprint);
    }

    /// <summary>The submission with its regeneration source and job type resolved and its settings made final, or why it is refused.</summary>
    private async Task<(BuiltSubmission? Built, SubmissionResult? Refusal)> BuildAsync(JobSubmission submission)
    {
        StoredJob? original = null;
        if (submission.RegeneratedFrom is { } sourceId)
        {
            original = await jobs.GetAsync(sourceId, CancellationToken.None);
            if (original is null || original.AccountId != AccountId)
            {
                return (null, SubmissionResult.Refused(SubmissionOutcome.JobTypeNotFound, "No such job to regenerate.", [new("jobId", "No such job for this account.", sourceId.ToString())]));
            }

            submission = SubmissionBuilder.Regenerating(submission, original);
        }

        var jobType = await JobTypes.FindAsync(submission);
        if (jobType is null)
        {
            return (null, SubmissionResult.Refused(SubmissionOutcome.JobTypeNotFound, "No such job type for this account.",
                [new(submission.ConfigId is null ? "jobType" : "configId", "No such job type for this account.", submission.JobTypeName ?? submission.ConfigId?.ToString())]));
        }

        if (!jobType.Configuration.IsActive)
        {
            return (null, SubmissionResult.Refused(SubmissionOutcome.JobTypeInactive, $"The job type '{jobType.Configuration.JobTypeName}' is deactivated."));
        }

        var built = await builder.BuildAsync(AccountId, submission, original, jobType);
        return built.Resolution.Succeeded
            ? (built, null)
            : (null, SubmissionResult.Refused(SubmissionOutcome.Invalid, "The job's settings are not valid.", built.Resolution.Errors));
    }

    /// <summary>Admission (the monthly budget, then the rate limits), then the job's creation and its place in the queue.</summary>
    private async Task<SubmissionResult> AdmitAndCreateAsync(BuiltSubmission built, string? fingerprint)
    {
        var settings = built.Resolution.FinalSettings!;
        var estimate = costs.Estimate(settings, built.CharacterReference is not null);
        var budget = await budgetGate.CheckAsync(AccountId, estimate, CancellationToken.None);
        if (!budget.Admitted)
        {
            return BudgetRefusals.ToResult(budget.Refusal!, logger);
        }

        var decision = await AdmitAsync(settings.ImageCount, built.JobType.JobTypeName);
        if (!decision.Admitted)
        {
            logger.LogInformation("Submission refused by {Limit}; retry after {RetryAfter}", decision.Limit, decision.RetryAfter);
            return new SubmissionResult { Outcome = SubmissionOutcome.RateLimited, Limit = decision.Limit, RetryAfter = decision.RetryAfter, Message = decision.RefusalMessage };
        }

        var jobId = await CreateAsync(built, fingerprint, estimate);
        queue.Enqueue(new QueuedJob(jobId, built.Submission.Priority, time.GetUtcNow().UtcDateTime));
        await DispatchAfterCommitAsync(jobId);
        await budgetGate.AcceptedAsync(AccountId, jobId, budget, CancellationToken.None);
        return new SubmissionResult { Outcome = SubmissionOutcome.Accepted, JobId = jobId, Status = JobStatus.Queued, FinalSettings = settings, Estimate = estimate };
    }

    /// <summary>
    /// A repeated idempotency key: the first job again when the request is the same, a conflict when it is not.
    /// </summary>
    private async Task<SubmissionResult> AnswerAgainAsync(IdempotencyRecord earlier, string? fingerprint)
    {
        if (earlier.RequestSha256 is { } firstRequest && firstRequest != fingerprint)
        {
            return new SubmissionResult
            {
                Outcome = SubmissionOutcome.IdempotencyConflict,
                JobId = earlier.JobId,
                Message = $"The Idempotency-Key was already used with a different request (job {earlier.JobId}); use a new key for a new request.",
            };
        }

        var snapshot = await GrainFactory.GetGrain<IJobGrain>(earlier.JobId).GetAsync(AccountId);
        return new SubmissionResult
        {
            Outcome = SubmissionOutcome.Accepted,
            JobId = earlier.JobId,
            Status = snapshot?.Status,
            FinalSettings = snapshot?.FinalSettings,
            Replayed = true,
            Estimate = ReplayedEstimate.Of(snapshot),
        };
    }

    /// <summary>Takes a job of so many images against the account's rate limits; a refusal is recorded for the account's figures.</summary>
    private async Task<AdmissionDecision> AdmitAsync(int images, string jobTypeName)
    {
        var decision = admission!.TryAdmit(images);
        if (!decision.Admitted)
        {
            await accounts.RecordRejectionAsync(AccountId, decision.Limit!, jobTypeName, CancellationToken.None);
        }

        return decision;
    }

    /// <summary>Writes the job and announces it as submitted.</summary>
    private async Task<long> CreateAsync(BuiltSubmission built, string? fingerprint, CostEstimate estimate)
    {
        var jobId = await jobs.CreateAsync(built.ToNewJob(AccountId, options.Value.RetryMaxAttempts - 1, fingerprint, estimate), CancellationToken.None);
        logger.LogInformation("Job {JobId} of type {JobType} queued", jobId, built.JobType.JobTypeName);
        _ = GrainFactory.GetGrain<IAccountEventsGrain>(AccountId).PublishAsync(new AccountJobEvent
        {
            JobId = jobId,
            Kind = AccountJobEventKind.Submitted,
            Status = JobStatus.Queued,
            JobTypeName = built.JobType.JobTypeName,
            At = time.GetUtcNow().UtcDateTime,
        });
        return jobId;
    }

    public async Task<JobCommandResult> RetryAsync(long jobId)
    {
        if (account is null || admission is null || !account.IsActive)
        {
            return new JobCommandResult { Outcome = JobCommandOutcome.NotAllowed, Message = "The account may not run jobs." };
        }

        var job = await jobs.GetAsync(jobId, CancellationToken.None);
        if (job is null || job.AccountId != AccountId)
        {
            return JobCommandResult.NotFound;
        }

        if (job.Status is not (JobStatus.Failed or JobStatus.Cancelled))
        {
            return new JobCommandResult { Outcome = JobCommandOutcome.NotAllowed, Status = job.Status, Message = $"A {job.Status.ToDatabase()} job cannot be retried; only failed or cancelled ones." };
        }

        var budget = await budgetGate.CheckAsync(AccountId, costs.Estimate(job.FinalSettings, job.CharacterReferenceImage is not null), CancellationToken.None);
        if (!budget.Admitted)
        {
            return new JobCommandResult { Outcome = JobCommandOutcome.BudgetExceeded, Status = job.Status, Message = BudgetRefusals.ToResult(budget.Refusal!, logger).Message };
        }

        var decision = await AdmitAsync(job.FinalSettings.ImageCount, job.JobTypeName);
        if (!decision.Admitted)
        {
            return new JobCommandResult { Outcome = JobCommandOutcome.RateLimited, Status = job.Status, Message = decision.RefusalMessage };
        }

        var result = await GrainFactory.GetGrain<IJobGrain>(jobId).RequeueAsync(AccountId);
        if (result.Outcome == JobCommandOutcome.Done)
        {
            queue.Enqueue(new QueuedJob(jobId, job.Priority, time.GetUtcNow().UtcDateTime));
            await DispatchAfterCommitAsync(jobId);
        }

        return result;
    }

    public async Task JobEndedAsync(long jobId, JobStatus status)
    {
        if (queue.Remove(jobId))
        {
            logger.LogDebug("Job {JobId} ended {Status}; its slot is free", jobId, status);
        }

        await DispatchAsync();
    }

    public Task<AccountQueueSnapshot> GetQueueAsync() => Task.FromResult(new AccountQueueSnapshot
    {
        Pending = [.. queue.Pending],
        InFlight = [.. queue.InFlight],
        ConcurrencyCap = queue.Cap,
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A one-way "job ended" may have been lost with a silo: the table is the truth.
        await RebuildAsync(CancellationToken.None);
        await StopKeepingAwakeWhenIdleAsync();
    }

    public Task ReconcileAsync() => account is null ? Task.CompletedTask : RebuildAsync(CancellationToken.None);

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var unfinished = await jobs.ListUnfinishedAsync(AccountId, cancellationToken);
        var known = unfinished.Select(j => j.JobId).ToHashSet();
        foreach (var stale in queue.InFlight.Concat(queue.Pending).Where(id => !known.Contains(id)).ToList())
        {
            queue.Remove(stale);
        }

        foreach (var job in unfinished)
        {
            // A dispatched job holds its slot while it waits for Ideogram capacity, across restarts too.
            if (job.Dispatched)
            {
                queue.AddInFlight(job.JobId);
            }
            else if (!queue.InFlight.Contains(job.JobId))
            {
                queue.Enqueue(new QueuedJob(job.JobId, job.Priority, job.CreatedAt));
            }
        }

        // Running jobs whose silo died resume when poked; StartAsync is a no-op for a live attempt.
        await Task.WhenAll(queue.InFlight.Select(id => GrainFactory.GetGrain<IJobGrain>(id).StartAsync()));
        await DispatchAsync();
    }

    /// <summary>
    /// Dispatches after a job's row is committed. The caller is told the job was accepted whatever happens
    /// here: should dispatching or the keep-awake reminder fail, it is tried again shortly, and the row
    /// (the truth) is reconciled on the next reminder tick anyway.
    /// </summary>
    private async Task DispatchAfterCommitAsync(long jobId)
    {
        try
        {
            await DispatchAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobId} is queued but could not be dispatched yet; trying again in {Delay}", jobId, DispatchRetry);
            dispatchRetry?.Dispose();
            dispatchRetry = this.RegisterGrainTimer(
                _ => RebuildAsync(CancellationToken.None),
                new GrainTimerCreationOptions(DispatchRetry, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = true });
        }
    }

    private async Task DispatchAsync()
    {
        var dispatched = queue.TakeDispatchable();
        await Task.WhenAll(dispatched.Select(id => GrainFactory.GetGrain<IJobGrain>(id).StartAsync()));
        await KeepAwakeWhileBusyAsync();
    }

    /// <summary>
    /// Registers the keep-awake reminder when work arrives. It is removed only by a tick that finds
    /// the account idle, not each time the queue empties: registering and removing it costs
    /// reminder-table writes, which a busy account would otherwise pay on every job.
    /// </summary>
    private async Task KeepAwakeWhileBusyAsync()
    {
        if (!queue.IsEmpty && !reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(KeepAwakeReminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
            reminderRegistered = true;
        }
    }

    private async Task StopKeepingAwakeWhenIdleAsync()
    {
        if (queue.IsEmpty && await this.GetReminder(KeepAwakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            reminderRegistered = false;
        }
    }
}
