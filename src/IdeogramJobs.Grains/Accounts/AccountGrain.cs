using System.Globalization;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
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
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, IRemindable
{
    private const string KeepAwakeReminder = "account-keep-awake";

    private static readonly TimeSpan DispatchRetry = TimeSpan.FromSeconds(5);

    private readonly AccountQueue queue = new();
    private readonly Dictionary<string, int> jobTypeIds = new(StringComparer.Ordinal);
    private AccountRecord? account;
    private AdmissionControl? admission;
    private bool reminderRegistered;
    private IGrainTimer? dispatchRetry;

    private string AccountId => this.GetPrimaryKeyString();

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

        StoredJob? original = null;
        if (submission.RegeneratedFrom is { } sourceId)
        {
            original = await jobs.GetAsync(sourceId, CancellationToken.None);
            if (original is null || original.AccountId != AccountId)
            {
                return SubmissionResult.Refused(SubmissionOutcome.JobTypeNotFound, "No such job to regenerate.", [new("jobId", "No such job for this account.", sourceId.ToString())]);
            }

            submission = submission with
            {
                ConfigId = original.ConfigId,
                Prompt = string.IsNullOrWhiteSpace(submission.Prompt) ? original.Prompt : submission.Prompt,
                OverridesJson = submission.OverridesJson is null ? null : OverridesCombiner.Combine(original.UserOverridesJson, submission.OverridesJson),
            };
        }

        var configuration = await FindJobTypeAsync(submission);
        if (configuration is null)
        {
            return SubmissionResult.Refused(SubmissionOutcome.JobTypeNotFound, "No such job type for this account.",
                [new(submission.ConfigId is null ? "jobType" : "configId", "No such job type for this account.", submission.JobTypeName ?? submission.ConfigId?.ToString())]);
        }

        if (!configuration.IsActive)
        {
            return SubmissionResult.Refused(SubmissionOutcome.JobTypeInactive, $"The job type '{configuration.JobTypeName}' is deactivated.");
        }

        // Regenerating without changes replays the original's final settings exactly, whatever the defaults are now.
        var resolution = original is not null && submission.OverridesJson is null
            ? new SettingsResolution
            {
                FinalSettings = original.FinalSettings,
                CustomPromptAddition = original.CustomPromptAddition,
                UserOverridesJson = original.UserOverridesJson,
            }
            : await GrainFactory.GetGrain<IJobConfigurationGrain>(configuration.ConfigId).ResolveAsync(AccountId, submission.OverridesJson, submission.IsAdmin);
        if (original is not null && submission.Replay is { } replay && resolution.FinalSettings is { } recorded)
        {
            resolution = resolution with { FinalSettings = Replayed(recorded, replay) };
        }

        var references = submission.StyleReferenceImages.Count > 0 || original is null
            ? submission.StyleReferenceImages
            : await jobs.GetStyleReferencesAsync(original.JobId, CancellationToken.None);
        if (resolution.FinalSettings is { } named && BrandReference.AnyIn(named))
        {
            // Brand library entries become concrete values here, once: the job records what it used.
            var brand = await GrainFactory.GetGrain<IBrandLibraryGrain>(AccountId).ResolveAsync(named);
            references = [.. brand.Images, .. references];
            resolution = resolution with
            {
                FinalSettings = brand.Settings,
                Errors = [.. resolution.Errors, .. brand.Errors, .. V3SettingsValidator.Validate(brand.Settings)],
            };
        }

        if (references.Count > 0 && resolution.FinalSettings is { } withoutReferences)
        {
            // The settings name the images by content, so the request and its record agree on what was sent.
            var withReferences = withoutReferences with { StyleReferenceImages = [.. references.Select(StyleReferenceLabel)] };
            resolution = resolution with { FinalSettings = withReferences, Errors = [.. resolution.Errors, .. V3SettingsValidator.Validate(withReferences)] };
        }

        var character = submission.CharacterReferenceImage
            ?? (original is null ? null : await jobs.GetCharacterReferenceAsync(original.JobId, CancellationToken.None));
        if (character is not null && resolution.FinalSettings is { } final)
        {
            resolution = resolution with
            {
                Errors = [.. resolution.Errors, .. V3RequestTranslator.ValidateCharacterReference(final, new StyleReferenceImage(character.FileName, character.ContentType, character.Content))],
            };
        }

        var errors = resolution.Errors.DistinctBy(e => (e.Field, e.Message)).ToList();
        var effectivePrompt = string.IsNullOrWhiteSpace(resolution.CustomPromptAddition)
            ? submission.Prompt
            : $"{submission.Prompt} {resolution.CustomPromptAddition}";
        errors.AddRange(V3SettingsValidator.ValidatePrompt(effectivePrompt));
        var capacity = options.Value.IdeogramMaxInflightImages;
        if (resolution.FinalSettings?.NumImages is { } asked && asked > capacity)
        {
            // Such a job could never be sent without going over the key's in-flight limit.
            errors.Add(new SettingsError(
                "numImages",
                $"At most {capacity} images per job: Ideogram's in-flight limit for this service's key (IDEOGRAM_MAX_INFLIGHT_IMAGES) is {capacity} images.",
                asked.ToString(CultureInfo.InvariantCulture)));
        }

        if (errors.Count > 0 || resolution.FinalSettings is null)
        {
            return SubmissionResult.Refused(SubmissionOutcome.Invalid, "The job's settings are not valid.", errors);
        }

        var estimate = costs.Estimate(resolution.FinalSettings, character is not null);
        var budget = await budgetGate.CheckAsync(AccountId, estimate, CancellationToken.None);
        if (!budget.Admitted)
        {
            return BudgetRefusals.ToResult(budget.Refusal!, logger);
        }

        var images = resolution.FinalSettings.ImageCount;
        var decision = admission.TryAdmit(images);
        if (!decision.Admitted)
        {
            await accounts.RecordRejectionAsync(AccountId, decision.Limit!, configuration.JobTypeName, CancellationToken.None);
            logger.LogInformation("Submission refused by {Limit}; retry after {RetryAfter}", decision.Limit, decision.RetryAfter);
            return new SubmissionResult
            {
                Outcome = SubmissionOutcome.RateLimited,
                Limit = decision.Limit,
                RetryAfter = decision.RetryAfter,
                Message = $"The account's {decision.Limit} limit is reached; retry in {Math.Ceiling(decision.RetryAfter!.Value.TotalSeconds)} s.",
            };
        }

        var jobId = await jobs.CreateAsync(new NewJob
        {
            AccountId = AccountId,
            ConfigId = configuration.ConfigId,
            JobTypeName = configuration.JobTypeName,
            Prompt = submission.Prompt,
            CustomPromptAddition = resolution.CustomPromptAddition,
            Priority = submission.Priority,
            MaxRetries = options.Value.RetryMaxAttempts - 1,
            CreatedBy = submission.CreatedBy,
            FinalSettings = resolution.FinalSettings,
            UserOverridesJson = resolution.UserOverridesJson,
            StyleReferenceImages = references,
            CharacterReferenceImage = character,
            RegeneratedFrom = submission.RegeneratedFrom,
            Replay = original is null ? null : submission.Replay,
            IdempotencyKey = submission.IdempotencyKey,
            RequestSha256 = fingerprint,
            Estimate = estimate,
            WebhookUrl = submission.WebhookUrl,
        }, CancellationToken.None);

        logger.LogInformation("Job {JobId} of type {JobType} queued", jobId, configuration.JobTypeName);
        _ = GrainFactory.GetGrain<IAccountEventsGrain>(AccountId).PublishAsync(new AccountJobEvent
        {
            JobId = jobId,
            Kind = AccountJobEventKind.Submitted,
            Status = JobStatus.Queued,
            JobTypeName = configuration.JobTypeName,
            At = time.GetUtcNow().UtcDateTime,
        });
        queue.Enqueue(new QueuedJob(jobId, submission.Priority, time.GetUtcNow().UtcDateTime));
        await DispatchAfterCommitAsync(jobId);
        await budgetGate.AcceptedAsync(AccountId, jobId, budget, CancellationToken.None);
        return new SubmissionResult { Outcome = SubmissionOutcome.Accepted, JobId = jobId, Status = JobStatus.Queued, FinalSettings = resolution.FinalSettings, Estimate = estimate };
    }

    /// <summary>
    /// The submission's job type, by id or by name. A name found once is remembered, so later submissions skip
    /// the table lookup; a job type renamed or deleted since no longer matches and is looked up again.
    /// </summary>
    private async Task<JobConfiguration?> FindJobTypeAsync(JobSubmission submission)
    {
        if (submission.ConfigId is { } configId)
        {
            return await GetJobTypeAsync(configId);
        }

        if (submission.JobTypeName is not { } name)
        {
            return null;
        }

        if (jobTypeIds.TryGetValue(name, out var remembered) && await GetJobTypeAsync(remembered) is { } known && known.JobTypeName == name)
        {
            return known;
        }

        var catalog = GrainFactory.GetGrain<IJobCatalogGrain>(AccountId);
        var found = name == DirectGenerationJobType.Name
            ? (await catalog.EnsureAsync(DirectGenerationJobType.Draft)).Configuration?.ConfigId
            : await catalog.FindAsync(name);
        if (found is not { } id)
        {
            jobTypeIds.Remove(name);
            return null;
        }

        jobTypeIds[name] = id;
        return await GetJobTypeAsync(id);
    }

    private Task<JobConfiguration?> GetJobTypeAsync(int configId) =>
        GrainFactory.GetGrain<IJobConfigurationGrain>(configId).GetAsync(AccountId);

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

        var decision = admission.TryAdmit(job.FinalSettings.ImageCount);
        if (!decision.Admitted)
        {
            await accounts.RecordRejectionAsync(AccountId, decision.Limit!, job.JobTypeName, CancellationToken.None);
            return new JobCommandResult { Outcome = JobCommandOutcome.RateLimited, Status = job.Status, Message = $"The account's {decision.Limit} limit is reached; retry in {Math.Ceiling(decision.RetryAfter!.Value.TotalSeconds)} s." };
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

    /// <summary>
    /// Exact: the recorded seed, and one image when a single image of the source is replayed (Ideogram takes one
    /// seed per request). Variations: no seed, so Ideogram draws new ones.
    /// </summary>
    private static JobSettings Replayed(JobSettings recorded, RegenerationReplay replay) => replay.Mode == RegenerationReplay.Exact
        ? recorded with { Seed = replay.Seed ?? recorded.Seed, NumImages = replay.ImageIndex is null ? recorded.NumImages : 1 }
        : recorded with { Seed = null };

    private static string StyleReferenceLabel(StyleReferenceUpload image) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Content))[..16];

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
