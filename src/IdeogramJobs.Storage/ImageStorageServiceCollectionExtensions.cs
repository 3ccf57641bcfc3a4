using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Sirv;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage;

public static class ImageStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IImageStore"/>: Sirv when SIRV_CLIENT_ID is set, local disk otherwise. Always
    /// registers <see cref="LocalImageFiles"/> for the API's /media/ endpoint and <see cref="ImageUrlBuilder"/>. Both option sets are
    /// validated at start, so a half-configured Sirv fails loudly instead of silently using local disk.
    /// </summary>
    public static IServiceCollection AddImageStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddJobTelemetry();

        services.AddOptions<SirvOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SirvOptions>, SirvOptionsValidator>());
        services.AddOptions<LocalImageStorageOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalImageStorageOptions>, LocalImageStorageOptionsValidator>());

        services.TryAddSingleton<LocalImageRoot>();
        services.TryAddSingleton<LocalImageFiles>();
        services.TryAddSingleton<ImageUrlBuilder>();
        services.TryAddSingleton<LocalImageFlushMarker>();
        services.TryAddSingleton<LocalImageVolumeFlusher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalImageVolumeFlusher>(provider => provider.GetRequiredService<LocalImageVolumeFlusher>()));
        services.TryAddSingleton<LocalImageRepair>();
        // Retention deletes files written to local disk even after the service has moved to Sirv.
        services.TryAddSingleton<LocalDiskImageStore>();

        var useSirv = !string.IsNullOrWhiteSpace(configuration[SirvOptions.ClientIdVariable]);
        if (!useSirv)
        {
            services.TryAddSingleton<IImageStore, LocalDiskImageStore>();
            return services;
        }

        services.AddHttpClient(SirvHttpClient.Name, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<SirvOptions>>().Value;
            client.BaseAddress = options.ResolveApiBaseUri();
            client.Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
        });
        services.TryAddSingleton<SirvRateLimitGate>();
        services.TryAddSingleton<SirvTokenProvider>();
        services.TryAddSingleton<SirvApiClient>();
        services.TryAddSingleton<IImageStore, SirvImageStore>();
        return services;
    }
}
