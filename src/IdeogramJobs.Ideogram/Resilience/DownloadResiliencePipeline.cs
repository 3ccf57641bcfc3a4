using System.Globalization;
using IdeogramJobs.Ideogram.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IdeogramJobs.Ideogram.Resilience;

/// <summary>
/// Retry → per-attempt timeout around one image download. Re-fetching the same URL is free,
/// whereas a new generation is billed again, so a download is retried here on its own and a
/// download failure never re-runs the generation.
/// </summary>
internal sealed class DownloadResiliencePipeline
{
    private readonly ResiliencePipeline pipeline;

    public DownloadResiliencePipeline(IOptions<IdeogramOptions> options, TimeProvider timeProvider, ILogger<DownloadResiliencePipeline> logger)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder { Name = "ideogram-image-download", TimeProvider = timeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is TimeoutRejectedException or DownloadAttemptFailure { Retryable: true }),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Image download attempt {Attempt} failed: {Reason} Retrying in {RetryDelay}.",
                        args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(settings.AttemptTimeout);
        pipeline = builder.Build();
        AttemptTimeoutText = settings.AttemptTimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>The attempt timeout as written in messages, e.g. "120".</summary>
    public string AttemptTimeoutText { get; }

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(attempt, cancellationToken);
}
