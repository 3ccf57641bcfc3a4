using IdeogramJobs.Contracts.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IdeogramJobs.Hosting.Telemetry;

public static class ServiceTelemetry
{
    /// <summary>Orleans' own meter: grain calls, activations, messaging, membership.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The activity sources of Orleans' activity propagation (AddActivityPropagation on silo and client).</summary>
    public static string[] OrleansActivitySources => ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// Metrics (ours, Orleans', ASP.NET Core, HttpClient, the runtime) for the Prometheus endpoint, also sent to
    /// an OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT is set, and then traces too (ASP.NET Core, HttpClient,
    /// Orleans' grain calls, ours). <paramref name="role"/> is "silo" or "api".
    /// </summary>
    public static IHostApplicationBuilder AddServiceTelemetry(this IHostApplicationBuilder builder, string role)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        builder.Services.AddJobTelemetry();

        // Whether to export is decided now; an endpoint that is not a URL fails the start through the validator.
        var configured = builder.Configuration.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = configured.OtlpEndpointUri;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configured.ResolveServiceName(role),
                serviceNamespace: "ideogramjobs",
                serviceInstanceId: configured.ResolveInstanceId()))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(JobMetrics.MeterName, OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });

        // Traces are recorded only when they go somewhere: a listener makes every grain call, request and
        // HttpClient call build and time a span, CPU spent on every job for nothing when no collector is set.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(JobTracing.SourceName)
                .AddSource(OrleansActivitySources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrapeOrProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return builder;
    }

    /// <summary>Prometheus scrapes and health probes arrive every few seconds; their spans would drown the real ones.</summary>
    private static bool IsScrapeOrProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
