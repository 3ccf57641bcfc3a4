using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using IdeogramJobs.Contracts.Images;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Options;
using IdeogramJobs.Ideogram.Resilience;
using IdeogramJobs.Settings.Vocabulary;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// Fetches every image of a generation at once, before the ephemeral URLs expire, through the
/// image-download client, which never carries the Api-Key. Each download must answer 2xx with
/// a PNG, JPEG or WebP body no larger than IDEOGRAM_MAX_IMAGE_BYTES whose bytes match its
/// Content-Type. The first failure cancels the other downloads.
/// </summary>
internal sealed class GeneratedImageDownloader(
    IHttpClientFactory httpClientFactory, IOptions<IdeogramOptions> options, DownloadResiliencePipeline pipeline)
{
    private readonly long maxImageBytes = options.Value.MaxImageBytes;

    public async Task<IReadOnlyList<GeneratedImage>> DownloadAllAsync(IReadOnlyList<GeneratedImageLink> results, CancellationToken cancellationToken)
    {
        using var firstFailure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var downloads = results.Select((result, index) => DownloadAsync(result, index, results.Count, firstFailure)).ToArray();
        try
        {
            return await Task.WhenAll(downloads);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Report the download that failed, not a sibling cancelled because of it.
            var failure = downloads.Where(d => d.IsFaulted).Select(d => d.Exception!.InnerException).OfType<IdeogramException>().FirstOrDefault();
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }
    }

    private async Task<GeneratedImage> DownloadAsync(GeneratedImageLink result, int index, int count, CancellationTokenSource firstFailure)
    {
        if (result.Url is not { } url)
        {
            return ToImage(result, null, null);
        }

        try
        {
            var (content, contentType) = await pipeline.ExecuteAsync(ct => DownloadAttemptAsync(url, ct), firstFailure.Token);
            return ToImage(result, content, contentType);
        }
        catch (Exception exception) when (exception is DownloadAttemptFailure or TimeoutRejectedException)
        {
            await firstFailure.CancelAsync();
            var reason = exception is TimeoutRejectedException
                ? $"it did not finish within {pipeline.AttemptTimeoutText} s (IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS)"
                : exception.Message;
            throw new IdeogramException(
                IdeogramFailureKind.DownloadFailed,
                string.Create(CultureInfo.InvariantCulture,
                    $"Downloading generated image {index + 1} of {count} from {Display(url)} failed: {reason}. The generation itself succeeded and was billed; the image URL is only valid for a limited time."),
                innerException: exception);
        }
        catch
        {
            await firstFailure.CancelAsync();
            throw;
        }
    }

    private async ValueTask<(byte[] Content, string ContentType)> DownloadAttemptAsync(Uri url, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(IdeogramHttpClientNames.ImageDownload);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var expired = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Gone ? " (the URL may have expired)" : "";
                throw new DownloadAttemptFailure(
                    string.Create(CultureInfo.InvariantCulture, $"the image host answered {status} {response.StatusCode}{expired}"),
                    retryable: status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            }

            var declared = ImageSignature.MediaTypeOf(response.Content.Headers.ContentType?.ToString());
            if (declared is null || !V3Vocabulary.ImageContentTypes.Contains(declared))
            {
                throw new DownloadAttemptFailure(
                    $"the image host sent Content-Type '{response.Content.Headers.ContentType}', not PNG, JPEG or WebP", retryable: false);
            }

            if (response.Content.Headers.ContentLength is { } length && length > maxImageBytes)
            {
                throw TooLarge(length.ToString(CultureInfo.InvariantCulture));
            }

            var content = await ReadBoundedAsync(response.Content, cancellationToken);
            var actual = ImageSignature.Detect(content);
            if (actual != declared)
            {
                throw new DownloadAttemptFailure(
                    $"the image host declared {declared} but sent {(actual ?? "bytes that are not a PNG, JPEG or WebP image")}", retryable: false);
            }

            return (content, declared);
        }
        catch (HttpRequestException exception)
        {
            throw new DownloadAttemptFailure($"the connection to the image host failed ({exception.Message})", retryable: true, exception);
        }
        catch (IOException exception)
        {
            throw new DownloadAttemptFailure($"the connection to the image host broke while reading ({exception.Message})", retryable: true, exception);
        }
    }

    /// <summary>Reads at most one byte past the limit, so an unannounced oversized body is caught without buffering it.</summary>
    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxImageBytes)
            {
                throw TooLarge($"more than {maxImageBytes.ToString(CultureInfo.InvariantCulture)}");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private DownloadAttemptFailure TooLarge(string size) =>
        new($"the image is {size} bytes, over the limit of {maxImageBytes.ToString(CultureInfo.InvariantCulture)} bytes (IDEOGRAM_MAX_IMAGE_BYTES)", retryable: false);

    /// <summary>The URL without its query, which carries the signature that grants access.</summary>
    private static string Display(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static GeneratedImage ToImage(GeneratedImageLink result, byte[]? content, string? contentType) =>
        new(result.Prompt, result.Resolution, result.Seed, result.StyleType, result.IsImageSafe, result.Url, content, contentType);
}
