using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Webhooks;

/// <summary>
/// Runs on every silo: leases due deliveries from the outbox, sends them, and records what happened
/// (delivered on 2xx; endpoint disabled on 410 Gone; retried with backoff otherwise, until the retry
/// window ends). Jobs never wait on it; a silo that dies mid-send leaves its rows to the next lease.
/// </summary>
public sealed class WebhookDeliveryWorker(
    IWebhookStore store,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 32;

    private readonly string silo = Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var poll = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                var owner = $"{silo}:{Guid.NewGuid():N}";
                var due = await store.LeaseDueAsync(owner, settings.Lease, BatchSize, stoppingToken);
                await Task.WhenAll(due.Select(d => DeliverAsync(d, owner, settings, stoppingToken)));
                sent = due.Count;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Webhook deliveries could not be leased or recorded; trying again shortly");
            }

            // A full batch means more are probably due: take them at once rather than after a pause.
            if (sent < BatchSize)
            {
                await Task.Delay(poll, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DeliverAsync(DueDelivery delivery, string owner, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(delivery, cancellationToken);
        var attempt = delivery.Attempts + 1;
        if (result.Delivered)
        {
            await store.MarkDeliveredAsync(delivery.DeliveryId, owner, result.StatusCode!.Value, CancellationToken.None);
            logger.LogInformation("Webhook delivery {DeliveryId} ({MessageId}) to endpoint {EndpointId} delivered on attempt {Attempt}", delivery.DeliveryId, delivery.MessageId, delivery.EndpointId, attempt);
            return;
        }

        if (result.Gone)
        {
            if (delivery.ToEndpointUrl && delivery.EndpointId is { } endpointId)
            {
                await store.DisableEndpointAsync(endpointId, "The receiver answered 410 Gone.", CancellationToken.None);
            }

            await store.MarkFailedAsync(delivery.DeliveryId, owner, result.StatusCode, result.Error ?? "410 Gone", CancellationToken.None);
            logger.LogWarning("Webhook endpoint {EndpointId} answered 410 Gone to delivery {DeliveryId}", delivery.EndpointId, delivery.DeliveryId);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (WebhookRetryPlan.Next(attempt, now, delivery.RetryUntil, settings, Random.Shared.NextDouble()) is { } next)
        {
            await store.ScheduleRetryAsync(delivery.DeliveryId, owner, result.StatusCode, result.Error ?? "Not delivered.", next, CancellationToken.None);
            logger.LogInformation("Webhook delivery {DeliveryId} to endpoint {EndpointId} failed on attempt {Attempt} ({Error}); next attempt at {Next:o}", delivery.DeliveryId, delivery.EndpointId, attempt, result.Error, next);
        }
        else
        {
            await store.MarkFailedAsync(delivery.DeliveryId, owner, result.StatusCode, result.Error ?? "Not delivered.", CancellationToken.None);
            logger.LogWarning("Webhook delivery {DeliveryId} to endpoint {EndpointId} given up after {Attempt} attempts: {Error}", delivery.DeliveryId, delivery.EndpointId, attempt, result.Error);
        }
    }
}
