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
/// Admission and dispatch for one account. The queue lives in memory and is rebuilt from ssnews_jobs whenever
/// the grain activates (<see cref="AccountQueueRebuild"/>), so a silo dying loses nothing; a reminder keeps the
/// account awake while it has unfinished work and reconciles the queue with the table (<see cref="AccountKeepAwake"/>).
/// The parts act; this grain alone decides what is admitted and when the queue moves.
/// </summary>
public sealed class AccountGrain : Grain, IAccountGrain, IRemindable
{
    private readonly IAccountStore accounts;
    private readonly IJobStore jobs;
    private readonly IAdmissionHistoryStore admissionHistory;
    private readonly JobCostEstimator costs;
    private readonly AccountBudgetGate budgetGate;
    private readonly AccountBudgetCheck budgetCheck;
    private readonly JobEngineOptions engine;
    private readonly TimeProvider time;
    private readonly SubmissionBuilder builder;
    private readonly ILogger logger;
    private readonly AccountQueue queue = new();
    private readonly JobTypeLookup jobTypes;
    private readonly IdempotentReplay replay;
    private readonly AccountQueueRebuild rebuild;
    private readonly AccountKeepAwake keepAwake;
    private readonly AccountDispatch dispatch;
    private readonly GrainReferences references;
    private AccountRecord? account;
    private AdmissionControl? admission;

    public AccountGrain(
        IAccountStore accounts, IJobStore jobs, IAdmissionHistoryStore admissionHistory, JobCostEstimator costs, AccountBudgetGate budgetGate,
        IOptions<JobEngineOptions> options, TimeProvider time, SubmissionBuilder builder, GrainReferences references, ILogger<AccountGrain> logger)
    {
        engine = options.Value;
        (this.accounts, this.jobs, this.admissionHistory, this.costs, this.budgetGate, this.time, this.builder, this.references, this.logger) =
            (accounts, jobs, admissionHistory, costs, budgetGate, time, builder, references, logger);
        jobTypes = new JobTypeLookup(references, AccountId);
        replay = new IdempotentReplay(references, AccountId);
        rebuild = new AccountQueueRebuild(jobs, queue, AccountId);
        keepAwake = new AccountKeepAwake(this, queue, engine.ReminderPeriod);
        dispatch = new AccountDispatch(this, references, queue, keepAwake, logger);
        budgetCheck = new AccountBudgetCheck(budgetGate, AccountId, time);
    }

    private string AccountId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAccountAsync(cancellationToken))
        {
            return;
        }

        await keepAwake.RestoreAsync();
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
        AccountGrainLog.ActiveChanged(logger, AccountId, isActive ? "active" : "deactivated");
        return account?.ToSummary();
    }

    public async Task<AccountSummary?> SetLimitsAsync(AccountLimits limits)
    {
        if (!await accounts.SetLimitsAsync(AccountId, limits, CancellationToken.None))
        {
            return null;
        }

        await LoadAccountAsync(CancellationToken.None);
        AccountGrainLog.LimitsChanged(logger, AccountId);
        await dispatch.DispatchAsync();
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

        var limits = AdmissionLimits.For(account, engine);
        queue.Cap = limits.MaxConcurrentJobs;
        admission = new AdmissionControl(limits, time, await admissionHistory.ReadAsync(AccountId, time.GetUtcNow(), cancellationToken));
        return true;
    }

    public Task BudgetChangedAsync()
    {
        budgetCheck.Changed();
        return Task.CompletedTask;
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
            return await replay.AnswerAsync(earlier, fingerprint);
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

        var jobType = await jobTypes.FindAsync(submission);
        if (jobType is null)
        {
            return (null, SubmissionResult.Refused(SubmissionOutcome.JobTypeNotFound, "No such job type for this account.",
                [new(submission.ConfigId is null ? "jobType" : "configId", "No such job type for this account.", submission.JobTypeName ?? submission.ConfigId?.ToString())]));
        }

        if (!jobType.IsActive)
        {
            return (null, SubmissionResult.Refused(SubmissionOutcome.JobTypeInactive, $"The job type '{jobType.JobTypeName}' is deactivated."));
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
        var budget = await budgetCheck.CheckAsync(estimate, CancellationToken.None);
        if (!budget.Admitted)
        {
            AccountGrainLog.BudgetRefused(logger, AccountId, budget.Refusal!.BudgetUsd, budget.Refusal.Month);
            return BudgetRefusals.ToResult(budget.Refusal);
        }

        var decision = await AdmitAsync(settings.ImageCount, built.JobType.JobTypeName);
        if (!decision.Admitted)
        {
            AccountGrainLog.RateLimited(logger, decision.Limit, decision.RetryAfter);
            return new SubmissionResult { Outcome = SubmissionOutcome.RateLimited, Limit = decision.Limit, RetryAfter = decision.RetryAfter, Message = decision.RefusalMessage };
        }

        var jobId = await CreateAsync(built, fingerprint, estimate);
        queue.Enqueue(new QueuedJob(jobId, built.Submission.Priority, time.GetUtcNow().UtcDateTime));
        await DispatchAfterCommitAsync(jobId);
        await budgetGate.AcceptedAsync(AccountId, jobId, budget, CancellationToken.None);
        return new SubmissionResult { Outcome = SubmissionOutcome.Accepted, JobId = jobId, Status = JobStatus.Queued, FinalSettings = settings, Estimate = estimate };
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
        var jobId = await jobs.CreateAsync(built.ToNewJob(AccountId, engine.RetryMaxAttempts - 1, fingerprint, estimate), CancellationToken.None);
        AccountGrainLog.Queued(logger, jobId, built.JobType.JobTypeName);
        _ = references.Get<IAccountEventsGrain>(AccountId).PublishAsync(new AccountJobEvent
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

        var budget = await budgetCheck.CheckAsync(costs.Estimate(job.FinalSettings, job.CharacterReferenceImage is not null), CancellationToken.None);
        if (!budget.Admitted)
        {
            AccountGrainLog.BudgetRefused(logger, AccountId, budget.Refusal!.BudgetUsd, budget.Refusal.Month);
            return new JobCommandResult { Outcome = JobCommandOutcome.BudgetExceeded, Status = job.Status, Message = BudgetRefusals.ToResult(budget.Refusal).Message };
        }

        var decision = await AdmitAsync(job.FinalSettings.ImageCount, job.JobTypeName);
        if (!decision.Admitted)
        {
            return new JobCommandResult { Outcome = JobCommandOutcome.RateLimited, Status = job.Status, Message = decision.RefusalMessage };
        }

        var result = await references.Get<IJobGrain>(jobId).RequeueAsync(AccountId);
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
            AccountGrainLog.SlotFreed(logger, jobId, status);
        }

        await dispatch.DispatchAsync();
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
        await keepAwake.StopWhenIdleAsync();
    }

    public Task ReconcileAsync() => account is null ? Task.CompletedTask : RebuildAsync(CancellationToken.None);

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await rebuild.FromTableAsync(cancellationToken);
        await dispatch.ResumeInFlightAsync();
        await dispatch.DispatchAsync();
    }

    private Task DispatchAfterCommitAsync(long jobId) => dispatch.AfterCommitAsync(jobId, () => RebuildAsync(CancellationToken.None));
}
