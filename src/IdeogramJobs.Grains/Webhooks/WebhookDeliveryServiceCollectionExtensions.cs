using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Webhooks;

public static class WebhookDeliveryServiceCollectionExtensions
{
    /// <summary>The outbox's delivery worker on this silo and the SSRF-guarded HTTP client it sends with.</summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookHttpClient.Name, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookHttpClient.CreateHandler(provider.GetRequiredService<WebhookUrlPolicy>()));
        services.AddSingleton<WebhookPayloadImages>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }
}
