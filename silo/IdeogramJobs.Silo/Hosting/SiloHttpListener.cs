using System.Net;
using IdeogramJobs.Silo.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace IdeogramJobs.Silo.Hosting;

/// <summary>
/// A small Kestrel app on SILO_HTTP_PORT beside the silo: health for orchestrators and /metrics for
/// Prometheus (anonymous: it carries counts and timings, no secrets). Its own app rather than making the
/// silo a web host, so SILO_HTTP_PORT=0 means no listener at all, and the one-shot commands open none.
/// </summary>
public sealed class SiloHttpListener(
    IServiceProvider services,
    IOptions<SiloHttpOptions> http,
    IOptions<SiloEndpointOptions> endpoints,
    ILogger<SiloHttpListener> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = http.Value.Port;
        if (port == 0)
        {
            return;
        }

        var address = endpoints.Value.ListenOnAnyAddress ? IPAddress.Any : endpoints.Value.ResolveAdvertisedAddress();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));

        app = builder.Build();
        app.MapSiloHealth(services.GetRequiredService<HealthCheckService>());
        app.MapPrometheusScrapingEndpoint("/metrics", services.GetRequiredService<MeterProvider>(), configureBranchedPipeline: null, optionsName: null);
        await app.StartAsync(cancellationToken);
        logger.LogInformation("Silo HTTP listener on {Address}:{Port}: /health/live, /health/ready, /metrics", address, port);
    }

    public Task StopAsync(CancellationToken cancellationToken) => app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
