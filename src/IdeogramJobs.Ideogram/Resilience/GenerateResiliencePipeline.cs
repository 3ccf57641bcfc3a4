using System.Globalization;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IdeogramJobs.Ideogram.Resilience;

/// <summary>
/// Retry → circuit breaker → per-attempt timeout around one generate attempt. The attempt
/// callback builds its request (and multipart body) itself, so every retry sends fresh content.
/// Retries only transient failures, waits Retry-After when Ideogram sends one and it fits within
/// IDEOGRAM_MAX_RETRY_DELAY_SECONDS, else backs off exponentially with jitter. The circuit counts
/// provider failures (5xx, timeouts, unreachable) only: 429s mean "busy", not "broken", and 4xx
/// are the caller's. One instance per process, so the circuit's state is shared by all calls.
/// </summary>
internal sealed class GenerateResiliencePipeline(
    IOptions<IdeogramOptions> options, TimeProvider timeProvider, ILogger<GenerateResiliencePipeline> logger)
{
    private readonly IdeogramOptions settings = options.Value;
    private readonly ResiliencePipeline pipeline = Build(options.Value, timeProvider, logger);

    /// <summary>
    /// Runs <paramref name="attempt"/> under the pipeline; timeouts and an open circuit come out
    /// as <see cref="IdeogramException"/> like every other failure.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(attempt, cancellationToken);
        }
        catch (TimeoutRejectedException exception)
        {
            throw TimedOut(settings, exception);
        }
        catch (BrokenCircuitException exception)
        {
            var wait = exception.RetryAfter is { } retryAfter
                ? string.Create(CultureInfo.InvariantCulture, $"for another {retryAfter.TotalSeconds:0.#} s")
                : "for a while";
            throw new IdeogramException(
                IdeogramFailureKind.CircuitOpen,
                $"Ideogram calls are paused {wait} after repeated provider failures (circuit open); nothing was sent. Try again later.",
                retryAfter: exception.RetryAfter,
                innerException: exception);
        }
    }

    private static ResiliencePipeline Build(IdeogramOptions settings, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { Name = "ideogram-generate", TimeProvider = timeProvider };

        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome.Exception, settings.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is IdeogramException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var failure = Describe(args.Outcome.Exception, settings);
                    logger.LogWarning(
                        "Ideogram generate attempt {Attempt} failed ({FailureKind}): {Reason} Retrying in {RetryDelay}.",
                        args.AttemptNumber + 1, failure.Kind, failure.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = settings.CircuitFailureRatio,
            MinimumThroughput = settings.CircuitMinimumThroughput,
            SamplingDuration = settings.CircuitSamplingDuration,
            BreakDuration = settings.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsProviderFailure(args.Outcome.Exception)),
            OnOpened = args =>
            {
                logger.LogError(
                    "Ideogram calls paused for {BreakDuration} after repeated provider failures; last: {Reason}",
                    args.BreakDuration, Describe(args.Outcome.Exception, settings).Message);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                logger.LogInformation("Ideogram circuit half-open: letting one call through to test the provider");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Ideogram circuit closed: calls flow normally again");
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    private static bool IsRetryable(Exception? exception, TimeSpan maxDelay) => exception switch
    {
        TimeoutRejectedException => true,
        // A longer Retry-After is left to the caller's own scheduling rather than held open here.
        IdeogramException { RetryAfter: { } wait } when wait > maxDelay => false,
        IdeogramException { Kind: not IdeogramFailureKind.CircuitOpen } failure => failure.IsTransient,
        _ => false,
    };

    private static bool IsProviderFailure(Exception? exception) => exception switch
    {
        TimeoutRejectedException => true,
        IdeogramException { Kind: IdeogramFailureKind.ProviderError or IdeogramFailureKind.Timeout or IdeogramFailureKind.Unreachable } => true,
        _ => false,
    };

    private static IdeogramException Describe(Exception? exception, IdeogramOptions options) => exception switch
    {
        IdeogramException failure => failure,
        TimeoutRejectedException timeout => TimedOut(options, timeout),
        _ => new IdeogramException(IdeogramFailureKind.ProviderError, exception?.Message ?? "unknown failure"),
    };

    private static IdeogramException TimedOut(IdeogramOptions options, Exception inner) =>
        new(IdeogramFailureKind.Timeout,
            string.Create(CultureInfo.InvariantCulture,
                $"Ideogram did not answer within {options.AttemptTimeoutSeconds:0.###} s (IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS). The generation may still complete and be billed; try again later."),
            innerException: inner);
}
