using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdeogramJobs.Contracts.Telemetry;

public static class JobTelemetryServiceCollectionExtensions
{
    /// <summary>The service's meter and activity source, one of each per process, for every library that records.</summary>
    public static IServiceCollection AddJobTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<JobMetrics>();
        services.TryAddSingleton<ProviderCapacityGauges>();
        services.TryAddSingleton<JobTracing>();
        return services;
    }
}
