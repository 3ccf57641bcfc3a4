using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Ideogram.Http;
using IdeogramJobs.Ideogram.Options;
using IdeogramJobs.Ideogram.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram;

public static class IdeogramServiceCollectionExtensions
{
    /// <summary>The generate answer is a small JSON document; anything larger is not Ideogram's.</summary>
    private const long MaxGenerateResponseBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Registers <see cref="IIdeogramClient"/> with its options (IDEOGRAM_* variables, validated at
    /// start), its two named HttpClients and resilience pipelines, and
    /// <see cref="TimeProvider.System"/> unless a TimeProvider is already registered.
    /// </summary>
    public static IServiceCollection AddIdeogramClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<IdeogramOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdeogramOptions>, IdeogramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddJobTelemetry();

        services.AddHttpClient(IdeogramHttpClientNames.Generate, client =>
            {
                // The resilience pipeline owns the per-attempt timeout.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = MaxGenerateResponseBytes;
            })
            // A redirect would carry the Api-Key header to wherever it points; refuse instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RedactLoggedHeaders(["Api-Key"]);

        services.AddHttpClient(IdeogramHttpClientNames.ImageDownload, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Nothing secret travels here, but header values are kept out of logs all the same.
            .RedactLoggedHeaders(_ => true);

        services.TryAddSingleton<GenerateResiliencePipeline>();
        services.TryAddSingleton<DownloadResiliencePipeline>();
        services.TryAddSingleton<GeneratedImageDownloader>();
        services.TryAddSingleton<IIdeogramClient, IdeogramClient>();
        return services;
    }
}
