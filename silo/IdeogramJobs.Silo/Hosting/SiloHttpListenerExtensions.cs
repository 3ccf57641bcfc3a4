using IdeogramJobs.Silo.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Silo.Hosting;

public static class SiloHttpListenerExtensions
{
    /// <summary>The silo's health checks and, when SILO_HTTP_PORT is set, the listener that serves them with /metrics.</summary>
    public static IHostApplicationBuilder AddSiloHttpListener(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloHttpOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloHttpOptions>, SiloHttpOptionsValidator>();
        builder.Services.AddSiloHealth();
        builder.Services.AddHostedService<SiloHttpListener>();
        return builder;
    }
}
