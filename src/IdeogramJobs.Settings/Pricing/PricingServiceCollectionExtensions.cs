using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Settings.Pricing;

public static class PricingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="JobCostEstimator"/> with its prices (IDEOGRAM_PRICE_* variables, validated at start).</summary>
    public static IServiceCollection AddIdeogramPrices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdeogramPrices>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdeogramPrices>, IdeogramPricesValidator>());
        services.TryAddSingleton<JobCostEstimator>();
        return services;
    }
}
