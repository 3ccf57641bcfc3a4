using IdeogramJobs.Database.Health;
using IdeogramJobs.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdeogramJobs.Silo.Health;

/// <summary>
/// <c>/health/ready</c>: 200 when this silo is an active member and the database answers, else 503 naming
/// the failing part. <c>/health/live</c>: the process serves requests. The same JSON as the API's.
/// </summary>
public static class SiloHealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSiloHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ActiveMemberHealthCheck>("membership", tags: [ReadyTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <param name="checks">The silo's own health checks (the listener is a small app of its own).</param>
    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder app, HealthCheckService checks)
    {
        app.MapGet("/health/ready", (HttpContext context) =>
            AnswerAsync(context, checks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), context.RequestAborted)));
        app.MapGet("/health/live", (HttpContext context) =>
            AnswerAsync(context, checks.CheckHealthAsync(_ => false, context.RequestAborted)));
        return app;
    }

    private static async Task AnswerAsync(HttpContext context, Task<HealthReport> checking)
    {
        var report = await checking;
        context.Response.StatusCode = report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        await HealthReportJson.WriteAsync(context, report);
    }
}
