using IdeogramJobs.Ideogram.Simulator.Behaviour;
using IdeogramJobs.Ideogram.Simulator.Endpoints;
using IdeogramJobs.Ideogram.Simulator.Imaging;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the simulator: options bound from <paramref name="configuration"/> (SIMULATOR_* variables),
    /// then <paramref name="configure"/>, validated at start; the system clock unless a TimeProvider is
    /// already registered (a later registration also wins).
    /// </summary>
    public static IServiceCollection AddIdeogramSimulator(this IServiceCollection services, IConfiguration configuration, Action<SimulatorOptions>? configure = null)
    {
        services.AddOptions<SimulatorOptions>()
            .Bind(configuration)
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SimulatorSettingsStore>();
        services.AddSingleton<SimulatorStats>();
        services.AddSingleton<CapturedRequestLog>();
        services.AddSingleton<InflightLimiter>();
        services.AddSingleton<FailureInjector>();
        services.AddSingleton<SettingsAwareDelay>();
        services.AddSingleton<ImageUrlSigner>();
        services.AddSingleton<RenderedImageCache>();
        services.AddSingleton<GenerateHandler>();
        services.AddSingleton<ImageHandler>();
        return services;
    }
}
