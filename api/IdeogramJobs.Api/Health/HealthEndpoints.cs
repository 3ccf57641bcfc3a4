using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdeogramJobs.Api.Health;

public static class HealthEndpoints
{
    public const string DatabaseCheck = "database";
    public const string ClusterCheck = "cluster";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseCheck, tags: ["ready"])
            .AddCheck<ClusterHealthCheck>(ClusterCheck, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// <c>/health</c> (and <c>/health/ready</c>): 200 when database and cluster answer, 503 naming
    /// the part that does not. <c>/health/live</c>: the process serves requests.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReport };
        app.MapHealthChecks("/health", ready).WithName("Health");
        app.MapHealthChecks("/health/ready", ready).WithName("HealthReady");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReport })
            .WithName("HealthLive");
        return app;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
