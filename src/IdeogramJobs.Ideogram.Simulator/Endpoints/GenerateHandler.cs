using System.Globalization;
using IdeogramJobs.Ideogram.Simulator.Behaviour;
using IdeogramJobs.Ideogram.Simulator.Imaging;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;
using IdeogramJobs.Ideogram.Simulator.Validation;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>
/// <c>POST /v1/ideogram-v3/generate</c>, in the real API's order: key (401), body rules (400), safety
/// (422), in-flight images (429 inflight_limit), then the injected outcome or, after the latency drawn
/// for the rendering speed, the images. A generation's units are held until its response is written;
/// when its client leaves first, the generation runs on as Ideogram's does, holding its units until
/// its time is up, and is billed. Injected outcomes release their units when the client leaves.
/// </summary>
public sealed class GenerateHandler(
    SimulatorSettingsStore settings,
    SimulatorStats stats,
    CapturedRequestLog captured,
    InflightLimiter limiter,
    FailureInjector injector,
    SettingsAwareDelay delay,
    ImageUrlSigner signer,
    TimeProvider time,
    ILogger<GenerateHandler> logger)
{
    /// <summary>The status recorded when the client disconnects before an answer (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    private static readonly string[] AutoStyleTypes = ["GENERAL", "REALISTIC", "DESIGN", "FICTION"];

    public async Task HandleAsync(HttpContext context)
    {
        // Latency and hangs count from arrival, which is also before the images are counted in flight.
        var started = time.GetTimestamp();
        var arrival = captured.Arrive();
        var apiKey = context.Request.Headers["Api-Key"].ToString();
        var fingerprint = string.IsNullOrEmpty(apiKey) ? null : KeyFingerprint.Of(apiKey);
        var draft = new CaptureDraft();
        var status = ClientClosedRequest;
        var outcome = "client disconnected";
        try
        {
            (status, outcome) = await RespondAsync(context, started, apiKey, fingerprint, draft, context.RequestAborted);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            status = ClientClosedRequest;
        }
        catch (BadHttpRequestException exception)
        {
            status = exception.StatusCode;
            outcome = exception.Message;
            if (!context.Response.HasStarted)
            {
                await Results.Json(new ProviderError(exception.Message), statusCode: status).ExecuteAsync(context);
            }
        }
        finally
        {
            captured.Add(new CapturedRequest(arrival, fingerprint, status, context.Request.ContentType, draft.Fields, draft.LatencySeconds));
            logger.LogInformation(
                "Generate request from key {Fingerprint} answered {Status} after {ElapsedMs} ms: {Outcome}",
                fingerprint ?? "(none)", status, (long)time.GetElapsedTime(started).TotalMilliseconds, outcome);
        }
    }

    private async Task<(int Status, string Outcome)> RespondAsync(HttpContext context, long started, string apiKey, string? fingerprint, CaptureDraft draft, CancellationToken aborted)
    {
        var current = settings.Current;
        if (fingerprint is null)
        {
            return await WriteAsync(context, ProviderResults.Unauthorized("Unauthorized: the Api-Key header is missing or empty."), "no Api-Key");
        }
        var allowList = current.ApiKeyAllowList();
        if (allowList.Count > 0 && !allowList.Contains(apiKey))
        {
            return await WriteAsync(context, ProviderResults.Unauthorized("Unauthorized: the Api-Key is not valid."), "key not in the allow-list");
        }

        stats.CountRequest(fingerprint);
        var draw = injector.Draw();

        var form = await MultipartFormReader.ReadAsync(context.Request, aborted);
        draft.Fields.AddRange(form.Parts.Select(ToCapturedField));
        var validation = form.Failure is null ? GenerateRequestValidator.Validate(form.Parts) : new GenerateValidation(null, form.Failure);
        if (validation.Failure is { } failure)
        {
            stats.Count(fingerprint, CounterKind.Rejected400);
            return await WriteAsync(context, ProviderResults.BadRequest(failure.Detail), failure.Detail);
        }
        var request = validation.Request!;

        if (current.SafetyMarker.Length > 0 && request.Prompt.Contains(current.SafetyMarker, StringComparison.OrdinalIgnoreCase))
        {
            stats.Count(fingerprint, CounterKind.Rejected422);
            return await WriteAsync(context, ProviderResults.UnsafePrompt(), "safety marker in the prompt");
        }

        var inflightLimit = current.InflightLimitFor(apiKey);
        var admission = limiter.TryAcquire(fingerprint, request.NumImages, inflightLimit);
        if (admission.Lease is null)
        {
            stats.Count(fingerprint, CounterKind.RejectedInflight);
            return await WriteAsync(context, ProviderResults.InflightLimit(admission.InflightBefore, request.NumImages, inflightLimit), $"in-flight limit: {admission.InflightBefore} in flight, {request.NumImages} asked, limit {inflightLimit}");
        }

        if (draw.Outcome == InjectedOutcome.None)
        {
            draft.LatencySeconds = LatencyModel.For(request.RenderingSpeed, draw.LatencyFraction, current.LatencyScale).TotalSeconds;
            return await GenerateAsync(context, started, request, draw, fingerprint, admission.Lease, aborted);
        }

        using var lease = admission.Lease;
        switch (draw.Outcome)
        {
            case InjectedOutcome.RateLimited:
                stats.Count(fingerprint, CounterKind.Injected429);
                if (settings.Current.RetryAfterSeconds is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                }
                return await WriteAsync(context, ProviderResults.RateLimited(), "injected 429");
            case InjectedOutcome.ServerError:
                stats.Count(fingerprint, CounterKind.Injected5xx);
                return await WriteAsync(context, ProviderResults.ServerError(), "injected 500");
            case InjectedOutcome.ServiceUnavailable:
                stats.Count(fingerprint, CounterKind.Injected5xx);
                return await WriteAsync(context, ProviderResults.ServiceUnavailable(), "injected 503");
            case InjectedOutcome.Hang:
                stats.Count(fingerprint, CounterKind.Hang);
                await delay.WaitAsync(started, options => TimeSpan.FromSeconds(options.HangSeconds), aborted);
                return await WriteAsync(context, ProviderResults.HangEnded(), "injected hang ended");
            default:
                throw new InvalidOperationException($"No answer for the injected outcome {draw.Outcome}.");
        }
    }

    /// <summary>
    /// Waits out the generation and answers with its images. The generation itself does not watch the
    /// client: when the client leaves, it keeps <paramref name="lease"/> and runs to its end unseen.
    /// </summary>
    private async Task<(int Status, string Outcome)> GenerateAsync(
        HttpContext context, long started, GenerateRequest request, RequestDraw draw, string fingerprint, InflightLease lease, CancellationToken aborted)
    {
        var generation = RunGenerationAsync(started, request, draw, fingerprint);
        try
        {
            await generation.WaitAsync(aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            stats.Count(fingerprint, CounterKind.Abandoned);
            _ = FinishAbandonedAsync(generation, lease, fingerprint, started);
            throw;
        }

        using (lease)
        {
            var response = BuildResponse(context.Request, request, draw.UnrequestedSeed, settings.Current);
            return await WriteAsync(context, Results.Json(response), $"{response.Data.Count} images, {request.RenderingSpeed}, {request.Resolution}");
        }
    }

    /// <summary>The generation: its drawn time (re-evaluated when the settings change), then its bill.</summary>
    private async Task RunGenerationAsync(long started, GenerateRequest request, RequestDraw draw, string fingerprint)
    {
        await delay.WaitAsync(started, options => LatencyModel.For(request.RenderingSpeed, draw.LatencyFraction, options.LatencyScale), CancellationToken.None);
        stats.CountBilled(fingerprint, request.Prompt, request.NumImages);
    }

    private async Task FinishAbandonedAsync(Task generation, InflightLease lease, string fingerprint, long started)
    {
        using (lease)
        {
            await generation;
        }
        logger.LogInformation(
            "Generation for key {Fingerprint} whose client left finished after {ElapsedMs} ms: billed, its images released",
            fingerprint, (long)time.GetElapsedTime(started).TotalMilliseconds);
    }

    private GenerateResponse BuildResponse(HttpRequest http, GenerateRequest request, int unrequestedSeed, SimulatorOptions current)
    {
        var now = time.GetUtcNow();
        var expires = now.ToUnixTimeSeconds() + current.ImageUrlTtlSeconds;
        var (width, height) = ResolutionCatalog.Parse(request.Resolution);
        var firstSeed = request.Seed ?? unrequestedSeed;
        var prompt = request.MagicPrompt == "OFF" ? request.Prompt : "Enhanced: " + request.Prompt;
        var images = new List<GeneratedImage>(request.NumImages);
        for (var i = 0; i < request.NumImages; i++)
        {
            // Seeds stay inside 0..2147483647 as the API's own range.
            var seed = (int)((firstSeed + (long)i) % ((long)int.MaxValue + 1));
            var id = new ImageDescriptor(seed, width, height, current.ImageScale, PaletteResolver.Resolve(request.Palette, seed)).ToId();
            var url = $"{http.Scheme}://{http.Host}/images/{id}.png?exp={expires}&sig={signer.Sign(id, expires)}";
            images.Add(new GeneratedImage(url, prompt, request.Resolution, true, seed, StyleTypeFor(request.StyleType, seed)));
        }
        return new GenerateResponse(now.ToString("o", CultureInfo.InvariantCulture), images);
    }

    /// <summary>GENERAL when none was sent; AUTO resolves to a concrete type chosen by the seed.</summary>
    private static string StyleTypeFor(string? requested, int seed) => requested switch
    {
        null => "GENERAL",
        "AUTO" => AutoStyleTypes[seed % AutoStyleTypes.Length],
        _ => requested,
    };

    private static CapturedField ToCapturedField(FormPart part) =>
        part.IsFile
            ? CapturedField.File(part.Name, part.FileName, part.ContentType, part.Content.Length)
            : CapturedField.Text(part.Name, part.Value, part.ContentType);

    private static async Task<(int Status, string Outcome)> WriteAsync(HttpContext context, IResult result, string outcome)
    {
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, outcome);
    }
}
