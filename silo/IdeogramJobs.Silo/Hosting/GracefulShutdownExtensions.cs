using IdeogramJobs.Grains.Draining;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Silo.Hosting;

public static class GracefulShutdownExtensions
{
    /// <summary>
    /// SIGTERM gives the silo SILO_DRAIN_SECONDS for its running attempts, then time to hand the rest over
    /// and leave the cluster (<see cref="SiloDrainOptions.ShutdownTimeout"/>): the host waits that long.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<HostOptions>().Configure<IOptions<SiloDrainOptions>>((o, drain) => o.ShutdownTimeout = drain.Value.ShutdownTimeout);
        return services;
    }
}
