using System.Net;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Options;
using IdeogramJobs.Ideogram.Resilience;
using IdeogramJobs.Settings.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// The Ideogram V3 client: translate (refusing bad input before any call), POST the multipart
/// request with the raw key in <c>Api-Key</c> (the request's own key, or IDEOGRAM_API_KEY) under the resilience pipeline, read the answer
/// leniently, then download every image. Failures are thrown, not logged: the caller handles
/// and logs them once; only retries and the circuit are logged here.
/// </summary>
internal sealed class IdeogramClient(
    IHttpClientFactory httpClientFactory,
    IOptions<IdeogramOptions> options,
    GenerateResiliencePipeline pipeline,
    GeneratedImageDownloader downloader,
    TimeProvider timeProvider,
    JobMetrics metrics,
    ILogger<IdeogramClient> logger) : IIdeogramClient
{
    private const string GeneratePath = "v1/ideogram-v3/generate";

    private readonly IdeogramOptions settings = options.Value;
    private readonly Uri generateUri = new(options.Value.BaseUri, GeneratePath);

    public async Task<IdeogramGeneration> GenerateAsync(IdeogramGenerateRequest request, CancellationToken cancellationToken)
    {
        var answer = await RequestAsync(request, cancellationToken);
        return new IdeogramGeneration(answer.Created, await DownloadAsync(answer.Images, cancellationToken));
    }

    public async Task<IdeogramAnswer> RequestAsync(IdeogramGenerateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var translation = V3RequestTranslator.Translate(request.Prompt, request.Settings, request.StyleReferenceImages, request.CharacterReferenceImage);
        if (!translation.Succeeded)
        {
            throw new IdeogramSettingsException(translation.Errors);
        }

        var started = timeProvider.GetTimestamp();
        var apiKey = request.ApiKey?.Value ?? settings.ApiKey;
        var answer = await pipeline.ExecuteAsync(ct => SendAttemptAsync(translation.Request, apiKey, ct), cancellationToken);
        logger.LogInformation(
            "Ideogram generated {ImageCount} images ({WithheldCount} withheld by its safety check) in {ElapsedMs} ms",
            answer.Images.Count, answer.Images.Count(i => !i.IsImageSafe), (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    public Task<IReadOnlyList<GeneratedImage>> DownloadAsync(IReadOnlyList<GeneratedImageLink> images, CancellationToken cancellationToken) =>
        downloader.DownloadAllAsync(images, cancellationToken);

    private async ValueTask<IdeogramAnswer> SendAttemptAsync(V3GenerateRequest request, string? apiKey, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(IdeogramHttpClientNames.Generate);
        using var message = new HttpRequestMessage(HttpMethod.Post, generateUri) { Content = V3MultipartEncoder.Encode(request) };
        message.Headers.TryAddWithoutValidation("Api-Key", apiKey);

        HttpResponseMessage response;
        try
        {
            // ResponseContentRead: the body is buffered (bounded by the client's
            // MaxResponseContentBufferSize) within the attempt's timeout.
            response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw ProviderFailureClassifier.FromTransport(exception, generateUri, apiKey);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Counted per answer, retries within the pipeline included: each is a 429 Ideogram sent us.
                    metrics.ProviderOverLimit();
                }

                throw ProviderFailureClassifier.FromResponse(response.StatusCode, response.ReasonPhrase, response.Headers, body, timeProvider, apiKey);
            }

            return V3GenerateResponseReader.Read(body, request.Prompt, settings.BaseUri, timeProvider);
        }
    }
}
