using System.Globalization;
using IdeogramJobs.Ideogram.Simulator.Behaviour;
using IdeogramJobs.Ideogram.Simulator.Imaging;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;
using IdeogramJobs.Ideogram.Simulator.Validation;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>
/// <c>POST /v1/ideogram-v3/generate</c>, in the real API's order: key (401), body rules (400), safety
/// (422), in-flight images (429 inflight_limit), then the injected outcome or, after the latency of
/// the rendering speed, the images. Units are held until the response is written or the client leaves.
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
        var apiKey = context.Request.Headers["Api-Key"].ToString();
        var fingerprint = string.IsNullOrEmpty(apiKey) ? null : KeyFingerprint.Of(apiKey);
        var fields = new List<CapturedField>();
        var status = ClientClosedRequest;
        var outcome = "client disconnected";
        try
        {
            (status, outcome) = await RespondAsync(context, started, apiKey, fingerprint, fields, context.RequestAborted);
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
            captured.Add(new CapturedRequest(fingerprint, status, context.Request.ContentType, fields));
            logger.LogInformation(
                "Generate request from key {Fingerprint} answered {Status} after {ElapsedMs} ms: {Outcome}",
                fingerprint ?? "(none)", status, (long)time.GetElapsedTime(started).TotalMilliseconds, outcome);
        }
    }

    private async Task<(int Status, string Outcome)> RespondAsync(HttpContext context, long started, string apiKey, string? fingerprint, List<CapturedField> fields, CancellationToken aborted)
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
        fields.AddRange(form.Parts.Select(ToCapturedField));
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

        var admission = limiter.TryAcquire(fingerprint, request.NumImages, current.InflightLimit);
        if (admission.Lease is null)
        {
            stats.Count(fingerprint, CounterKind.RejectedInflight);
            return await WriteAsync(context, ProviderResults.InflightLimit(admission.InflightBefore, request.NumImages, current.InflightLimit), $"in-flight limit: {admission.InflightBefore} in flight, {request.NumImages} asked, limit {current.InflightLimit}");
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
                await delay.WaitAsync(started, options => LatencyModel.For(request.RenderingSpeed, options.LatencyScale), aborted);
                var response = BuildResponse(context.Request, request, draw.UnrequestedSeed, settings.Current);
                stats.Count(fingerprint, CounterKind.Succeeded);
                stats.CountImages(fingerprint, response.Data.Count);
                return await WriteAsync(context, Results.Json(response), $"{response.Data.Count} images, {request.RenderingSpeed}, {request.Resolution}");
        }
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
