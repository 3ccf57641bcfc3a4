using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdeogramJobs.Contracts.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>
/// Stores images on Sirv: POST /v2/files/upload with the raw bytes and their real Content-Type, retrying
/// transient failures with jittered exponential backoff and waiting out exhausted rate limits. At most
/// SIRV_MAX_CONCURRENT_UPLOADS uploads of this process are under way at once.
/// </summary>
public sealed class SirvImageStore(
    SirvApiClient api,
    SirvRateLimitGate gate,
    IOptions<SirvOptions> options,
    TimeProvider time,
    JobMetrics metrics,
    ILogger<SirvImageStore> logger) : IImageStore
{
    // Sirv's documented ceiling for one API upload.
    private const long MaxUploadBytes = 300_000_000;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly ResiliencePropertyKey<UploadAttempts> UploadKey = new("IdeogramJobs.Storage.Sirv.Upload");

    private readonly string folder = options.Value.ResolveUploadFolder();
    private readonly string publicUrl = options.Value.PublicUrl?.Trim()
        ?? throw new InvalidOperationException($"{SirvOptions.PublicUrlVariable} is required for Sirv storage.");
    private readonly ResiliencePipeline pipeline = BuildPipeline(options.Value, time, logger);
    private readonly SemaphoreSlim uploadSlots = new(options.Value.MaxConcurrentUploads);

    public string Name => "sirv";

    public async Task<StoredImage> SaveAsync(ImageToStore image, CancellationToken cancellationToken)
    {
        var prepared = PreparedImage.Create(image, folder);
        if (prepared.DeclaredTypeDisagrees)
        {
            logger.LogWarning(
                "Image {ImageIndex} of job {JobId} for account {AccountId} was declared as {DeclaredContentType} but its bytes are {ContentType}; storing it as {ContentType}",
                image.Index, image.JobId, image.AccountId, image.ContentType, prepared.Format.ContentType, prepared.Format.ContentType);
        }

        if (prepared.SizeBytes > MaxUploadBytes)
        {
            throw new ImageStorageException(
                $"Image {image.Index} of job {image.JobId} is {prepared.SizeBytes} bytes, over Sirv's {MaxUploadBytes}-byte limit for one upload.",
                isTransient: false);
        }

        var upload = new UploadAttempts(prepared);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(UploadKey, upload);
        try
        {
            await pipeline.ExecuteAsync(
                static (context, state) => state.Store.UploadOnceAsync(state.Upload, context.CancellationToken),
                context,
                (Store: this, Upload: upload));
        }
        catch (SirvTransientFailure failure)
        {
            throw new ImageStorageException(
                $"Storing {prepared.StoragePath} on Sirv failed after {upload.Count} attempt(s): {failure.Message}",
                isTransient: true,
                retryAfter: null,
                innerException: failure);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        logger.LogInformation(
            "Stored image {ImageIndex} of job {JobId} for account {AccountId} on Sirv at {StoragePath} ({SizeBytes} bytes, {ContentType})",
            image.Index, image.JobId, image.AccountId, prepared.StoragePath, prepared.SizeBytes, prepared.Format.ContentType);
        return prepared.ToStoredImage(ImageStoragePath.ToPublicUrl(publicUrl, prepared.StoragePath));
    }

    public async Task DeleteAsync(string storagePath, CancellationToken cancellationToken)
    {
        await gate.WaitUntilOpenAsync(cancellationToken);
        using var response = await api.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"v2/files/delete?filename={Uri.EscapeDataString(storagePath)}"),
            $"the delete of {storagePath}",
            cancellationToken);

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            gate.ObserveRejection(response);
            metrics.StorageThrottled();
            throw new SirvTransientFailure($"Sirv's rate limit was reached (HTTP 429) while deleting {storagePath}.", rateLimited: true);
        }

        var detail = await SirvErrorDetail.ReadAsync(response, api.Redact, cancellationToken);
        throw new ImageStorageException(
            $"Sirv refused to delete {storagePath} (HTTP {status}{detail}).",
            isTransient: status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
    }

    private async ValueTask UploadOnceAsync(UploadAttempts upload, CancellationToken cancellationToken)
    {
        upload.Count++;
        // A slot per attempt, not per save: a save backing off between attempts leaves its slot to others.
        await uploadSlots.WaitAsync(cancellationToken);
        try
        {
            await gate.WaitUntilOpenAsync(cancellationToken);
            await SendUploadAsync(upload.Prepared, cancellationToken);
        }
        finally
        {
            uploadSlots.Release();
        }
    }

    private async ValueTask SendUploadAsync(PreparedImage prepared, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(
            () => CreateUploadRequest(prepared),
            $"the upload of {prepared.StoragePath}",
            cancellationToken);

        if (response.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            gate.ObserveRejection(response);
            metrics.StorageThrottled();
            throw new SirvTransientFailure("Sirv's rate limit was reached (HTTP 429).", rateLimited: true);
        }

        if (response.StatusCode == HttpStatusCode.Forbidden && await IsAlreadyStoredAsync(prepared, cancellationToken))
        {
            // Sirv may refuse to overwrite an existing file; the same bytes are already there, so the save is done.
            logger.LogInformation(
                "Sirv already holds {StoragePath} for job {JobId} of account {AccountId}; reusing it",
                prepared.StoragePath, prepared.Image.JobId, prepared.Image.AccountId);
            return;
        }

        var detail = await SirvErrorDetail.ReadAsync(response, api.Redact, cancellationToken);
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            throw new SirvTransientFailure($"Sirv answered HTTP {status}{detail}.");
        }

        throw new ImageStorageException(
            response.StatusCode switch
            {
                HttpStatusCode.Forbidden =>
                    $"Sirv refused to write {prepared.StoragePath} (HTTP 403{detail}); the API client ({SirvOptions.ClientIdVariable}) may lack write permission for that path.",
                HttpStatusCode.Unauthorized =>
                    $"Sirv answered 401 to the upload of {prepared.StoragePath} even with a new access token{detail}; check the API client's permissions ({SirvOptions.ClientIdVariable}).",
                _ => $"Sirv refused the upload of {prepared.StoragePath} (HTTP {status}{detail}).",
            },
            isTransient: false);
    }

    private async Task<bool> IsAlreadyStoredAsync(PreparedImage prepared, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"v2/files/stat?filename={Uri.EscapeDataString(prepared.StoragePath)}"),
            $"the check of {prepared.StoragePath}",
            cancellationToken);

        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            gate.ObserveRejection(response);
            metrics.StorageThrottled();
            throw new SirvTransientFailure("Sirv's rate limit was reached (HTTP 429) while checking for an existing file.", rateLimited: true);
        }

        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            throw new SirvTransientFailure($"Sirv answered HTTP {status} while checking for an existing file.");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        try
        {
            var stat = await response.Content.ReadFromJsonAsync<SirvFileStat>(cancellationToken);
            return stat is { IsDirectory: false } && stat.Size == prepared.SizeBytes;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static HttpRequestMessage CreateUploadRequest(PreparedImage prepared)
    {
        var content = new ReadOnlyMemoryContent(prepared.Image.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue(prepared.Format.ContentType);
        return new HttpRequestMessage(HttpMethod.Post, $"v2/files/upload?filename={Uri.EscapeDataString(prepared.StoragePath)}")
        {
            Content = content,
        };
    }

    private static ResiliencePipeline BuildPipeline(SirvOptions settings, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.UploadMaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SirvTransientFailure>(),
                MaxRetryAttempts = settings.UploadMaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMilliseconds),
                MaxDelay = MaxRetryDelay,
                // After a 429 the rate-limit gate does the waiting, until Sirv's reset time.
                DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(
                    arguments.Outcome.Exception is SirvTransientFailure { RateLimited: true } ? TimeSpan.Zero : null),
                OnRetry = arguments =>
                {
                    if (arguments.Context.Properties.TryGetValue(UploadKey, out var upload))
                    {
                        logger.LogWarning(
                            "Sirv upload of {StoragePath} for job {JobId} of account {AccountId} failed on attempt {Attempt} ({Reason}); retrying in {RetryDelay}",
                            upload.Prepared.StoragePath,
                            upload.Prepared.Image.JobId,
                            upload.Prepared.Image.AccountId,
                            arguments.AttemptNumber + 1,
                            arguments.Outcome.Exception?.Message,
                            arguments.RetryDelay);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>One save's image and how many upload attempts it has made.</summary>
    private sealed class UploadAttempts(PreparedImage prepared)
    {
        public PreparedImage Prepared { get; } = prepared;

        public int Count { get; set; }
    }
}
