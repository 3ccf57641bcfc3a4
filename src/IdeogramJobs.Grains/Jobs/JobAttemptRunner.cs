using System.Diagnostics;
using System.Text.Json;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Grains.ProviderKeys;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Storage;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// One attempt of a job whose row it owns: Ideogram's answer (the saved one, or a new generation kept
/// the moment it arrives), then the images downloaded, stored and recorded, then the completion. A
/// failure after the answer retries that step and never generates again; every write carries the
/// attempt's token, so an attempt that lost the row changes nothing. It decides nothing about
/// retries: it says how the attempt ended, and the job's state machine decides.
/// </summary>
public sealed class JobAttemptRunner(
    IJobStore jobs,
    IIdeogramClient ideogram,
    GeneratedImageRecorder recorder,
    JobProviderKeys keys,
    IOptions<JobEngineOptions> options,
    JobMetrics metrics,
    JobTracing tracing,
    TimeProvider time)
{
    private readonly StepRetry steps = new(time);

    public async Task<AttemptOutcome> RunAsync(RunningAttempt attempt, IAttemptObserver observer, CancellationToken cancellationToken)
    {
        if (attempt.Number == 1 && attempt.Job.Interruptions == 0)
        {
            metrics.QueueWaited(attempt.Job.JobTypeName, attempt.ClaimedAt - attempt.Job.CreatedAt);
        }

        using var activity = tracing.StartAttempt(attempt.Job.JobId, attempt.Number, attempt.Trace);
        try
        {
            var saved = attempt.Job.HasGeneration ? await jobs.GetGenerationAsync(attempt.Job.JobId, cancellationToken) : null;
            if (saved is null)
            {
                var (generated, failure) = await GenerateAsync(attempt, observer, cancellationToken);
                if (failure is not null)
                {
                    return failure;
                }

                saved = generated!;
            }

            return await StoreAsync(attempt, saved, observer, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(AttemptEnd.Stopped);
        }
    }

    /// <summary>The billed step: asks Ideogram, releases the capacity as soon as the call is over, keeps the answer.</summary>
    private async Task<(SavedGeneration? Generation, AttemptOutcome? Failure)> GenerateAsync(
        RunningAttempt attempt, IAttemptObserver observer, CancellationToken cancellationToken)
    {
        var job = attempt.Job;
        IReadOnlyList<StyleReferenceUpload> references;
        StyleReferenceUpload? character;
        try
        {
            references = job.StyleReferenceImages.Count == 0 ? [] : await jobs.GetStyleReferencesAsync(job.JobId, cancellationToken);
            character = job.CharacterReferenceImage is null ? null : await jobs.GetCharacterReferenceAsync(job.JobId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await observer.ProviderCallEndedAsync(TimeSpan.Zero);
            return (null, Setback(e, "Reading the reference images failed: "));
        }

        ProviderKeyForAttempt key;
        try
        {
            key = await keys.ForAttemptAsync(attempt.KeyIdentity, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await observer.ProviderCallEndedAsync(TimeSpan.Zero);
            return (null, Setback(e, "Reading the organisation's Ideogram key failed: "));
        }

        if (key.Unusable is { } unusable)
        {
            await observer.ProviderCallEndedAsync(TimeSpan.Zero);
            return (null, new AttemptOutcome(AttemptEnd.Failed, unusable));
        }

        IdeogramAnswer answer;
        try
        {
            answer = await RequestAsync(attempt, new IdeogramGenerateRequest(job.EffectivePrompt, job.FinalSettings, references, character) { ApiKey = key.ApiKey }, cancellationToken);
        }
        catch (Exception e) when (MayStillRun(e))
        {
            // Ideogram keeps generating a request we stopped waiting for: its places stay counted.
            var busyFor = StillBusyFor(attempt);
            await observer.ProviderCallEndedAsync(busyFor);
            var busyUntil = time.GetUtcNow().UtcDateTime + busyFor;
            return (null, e is OperationCanceledException
                ? new AttemptOutcome(AttemptEnd.Stopped) { ProviderBusyUntil = busyUntil }
                : new AttemptOutcome(AttemptEnd.Retry, Describe(e)) { ProviderBusyUntil = busyUntil });
        }
        catch (Exception e)
        {
            await observer.ProviderCallEndedAsync(TimeSpan.Zero);
            if (e is IdeogramException { Kind: IdeogramFailureKind.Unauthorized } refused && key.ApiKey is not null)
            {
                // The organisation's own key: its jobs fail with the reason, and the service key is not blamed.
                return (null, new AttemptOutcome(AttemptEnd.Failed, await keys.RefusedAsync(key, refused.StatusCode, CancellationToken.None)));
            }

            return (null, e switch
            {
                IdeogramSettingsException => new AttemptOutcome(AttemptEnd.Failed, e.Message),

                // Over the in-flight limit: the capacity grain's count and Ideogram's disagree (a key shared
                // with others, a call still running there). Not the job's fault.
                IdeogramException { Kind: IdeogramFailureKind.RateLimited } ideogramFailure =>
                    new AttemptOutcome(AttemptEnd.Interrupted, e.Message) { RetryAfter = ideogramFailure.RetryAfter },
                IdeogramException ideogramFailure => new AttemptOutcome(ideogramFailure.IsTransient ? AttemptEnd.Retry : AttemptEnd.Failed, e.Message)
                {
                    RetryAfter = ideogramFailure.RetryAfter,
                },
                _ => new AttemptOutcome(AttemptEnd.Retry, Describe(e)),
            });
        }

        await observer.ProviderCallEndedAsync(TimeSpan.Zero);
        var generation = new SavedGeneration(answer.Created, [.. answer.Images.Select(i =>
            new SavedGenerationImage(i.Url?.ToString(), i.Prompt, i.Resolution, i.Seed, i.StyleType, i.IsImageSafe))]);
        try
        {
            if (!await steps.RunAsync(ct => jobs.SaveGenerationAsync(job.JobId, attempt.Token, generation, ct), Transient, cancellationToken))
            {
                return (null, AttemptOutcome.Lost);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, Setback(e, "Ideogram's answer could not be kept: "));
        }

        await observer.StepAsync(SystemLogLevel.Info, $"Ideogram returned {generation.Images.Count} image(s)");
        return (generation, null);
    }

    /// <summary>The Ideogram call itself, timed and traced; a request refused before it was sent is neither.</summary>
    private async Task<IdeogramAnswer> RequestAsync(RunningAttempt attempt, IdeogramGenerateRequest request, CancellationToken cancellationToken)
    {
        var speed = request.Settings.RenderingSpeed;
        using var activity = tracing.StartGeneration(attempt.Job.JobId, speed, request.Settings.ImageCount);
        var started = time.GetTimestamp();
        try
        {
            var answer = await ideogram.RequestAsync(request, cancellationToken);
            metrics.GenerationEnded(speed, "ok", time.GetElapsedTime(started));
            return answer;
        }
        catch (Exception e) when (e is not IdeogramSettingsException)
        {
            var outcome = e switch
            {
                IdeogramException failure => JsonNamingPolicy.SnakeCaseLower.ConvertName(failure.Kind.ToString()),
                OperationCanceledException => "cancelled",
                _ => "error",
            };
            metrics.GenerationEnded(speed, outcome, time.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw;
        }
    }

    /// <summary>Downloads, stores and records the images the job does not have yet, then completes it.</summary>
    private async Task<AttemptOutcome> StoreAsync(RunningAttempt attempt, SavedGeneration generation, IAttemptObserver observer, CancellationToken cancellationToken)
    {
        var job = attempt.Job;
        var recorded = job.Images.Where(i => i.Index < generation.Images.Count).ToDictionary(i => i.Index);
        var pending = Enumerable.Range(0, generation.Images.Count)
            .Where(i => generation.Images[i].Url is not null && !recorded.ContainsKey(i))
            .ToList();
        var withheld = generation.Images.Count(i => i.Url is null);
        if (pending.Count > 0)
        {
            IReadOnlyList<GeneratedImage> downloaded;
            try
            {
                downloaded = await steps.RunAsync(
                    ct => ideogram.DownloadAsync([.. pending.Select(i => Link(generation.Images[i]))], ct), Transient, cancellationToken);
            }
            catch (IdeogramException e) when (!e.IsTransient)
            {
                // The links are gone (expired, refused): only a new generation can give the images.
                return await jobs.DiscardGenerationAsync(job.JobId, attempt.Token, CancellationToken.None)
                    ? new AttemptOutcome(AttemptEnd.Retry, e.Message + " Generating again.")
                    : AttemptOutcome.Lost;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new AttemptOutcome(AttemptEnd.Retry, Describe(e));
            }

            for (var n = 0; n < pending.Count; n++)
            {
                var index = pending[n];
                JobImage? image;
                try
                {
                    image = await steps.RunAsync(ct => recorder.RecordAsync(job, attempt.Token, index, downloaded[n], ct), Transient, cancellationToken);
                }
                catch (ImageStorageException e) when (!e.IsTransient)
                {
                    return new AttemptOutcome(AttemptEnd.Failed, "Storing the images failed: " + e.Message);
                }
                catch (ImageStorageException e)
                {
                    return new AttemptOutcome(AttemptEnd.Retry, "Storing the images failed: " + e.Message) { RetryAfter = e.RetryAfter };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return Setback(e, "Recording the images failed: ");
                }

                if (image is null)
                {
                    return AttemptOutcome.Lost;
                }

                recorded[index] = image;
                var progress = 60 + (40 * recorded.Count / generation.Images.Count) - 1;
                var detail = $"stored image {recorded.Count} of {generation.Images.Count}";
                if (n < pending.Count - 1 && !await steps.RunAsync(ct => jobs.UpdateProgressAsync(job.JobId, attempt.Token, progress, detail, ct), Transient, cancellationToken))
                {
                    return AttemptOutcome.Lost;
                }

                observer.Progressed(JobEventKind.Image, progress, detail, image);
            }
        }

        if (recorded.Count == 0)
        {
            return new AttemptOutcome(AttemptEnd.Failed, "Ideogram withheld every image of this prompt as unsafe; change the prompt.");
        }

        var images = recorded.Values.OrderBy(i => i.Index).ToList();
        JobEnd end;
        try
        {
            end = await steps.RunAsync(ct => jobs.CompleteAsync(job.JobId, attempt.Token, JobResults.ResultsJson(job, images, withheld), ct), Transient, cancellationToken);
            if (!end.Ended)
            {
                return AttemptOutcome.Lost;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Setback(e, "Completing the job failed: ");
        }

        await observer.StepAsync(SystemLogLevel.Info, $"Job completed with {images.Count} image(s)" + (withheld > 0 ? $", {withheld} withheld by Ideogram's safety check" : string.Empty));
        return AttemptOutcome.Completed(images, end.Cost);
    }

    /// <summary>
    /// How long Ideogram may go on with a call given up on. JOB_TIMEOUT_SECONDS is the longest a generation
    /// is allowed to take, so a call stopped early (a cancel, a silo stopping) ends by then, counted from the
    /// attempt's start; a call that outlasted it (the attempt timed out) gets that long again.
    /// </summary>
    private TimeSpan StillBusyFor(RunningAttempt attempt)
    {
        var left = attempt.ClaimedAt + options.Value.JobTimeout - time.GetUtcNow().UtcDateTime;
        return left > TimeSpan.FromSeconds(1) ? left : options.Value.JobTimeout;
    }

    /// <summary>Whether Ideogram may still be generating after this failure of the call: we stopped waiting, it did not refuse.</summary>
    private static bool MayStillRun(Exception e) => e switch
    {
        OperationCanceledException => true,
        IdeogramException { Kind: IdeogramFailureKind.Timeout } => true,
        IdeogramException { Kind: IdeogramFailureKind.ProviderError, InnerException: HttpRequestException } => true,
        IdeogramException or IdeogramSettingsException => false,
        _ => true,
    };

    /// <summary>The wait before trying a step again (zero for the default backoff), or null when retrying it in place will not help.</summary>
    private static TimeSpan? Transient(Exception e) => e switch
    {
        OperationCanceledException => null,
        IdeogramException ideogramFailure => ideogramFailure.IsTransient ? ideogramFailure.RetryAfter ?? TimeSpan.Zero : null,
        ImageStorageException storageFailure => storageFailure.IsTransient ? storageFailure.RetryAfter ?? TimeSpan.Zero : null,
        InvalidOperationException => null,
        _ => TimeSpan.Zero,
    };

    /// <summary>A database we cannot reach is our outage, not the job's fault: it costs an interruption, not one of its retries.</summary>
    private static AttemptOutcome Setback(Exception e, string what) => DatabaseUnavailable.Is(e)
        ? new AttemptOutcome(AttemptEnd.Interrupted, what + Describe(e)) { Cause = RetryCause.DatabaseUnavailable }
        : new AttemptOutcome(AttemptEnd.Retry, what + Describe(e));

    private static GeneratedImageLink Link(SavedGenerationImage image) =>
        new(image.Url is null ? null : new Uri(image.Url), image.Prompt, image.Resolution, image.Seed, image.StyleType, image.IsImageSafe);

    private static string Describe(Exception e) => e is IdeogramException or ImageStorageException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
