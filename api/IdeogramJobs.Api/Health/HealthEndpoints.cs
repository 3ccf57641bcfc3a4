using IdeogramJobs.Database.Health;
using IdeogramJobs.Hosting.Health;
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
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportJson.WriteAsync };
        app.MapHealthChecks("/health", ready).WithName("Health");
        app.MapHealthChecks("/health/ready", ready).WithName("HealthReady");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportJson.WriteAsync })
            .WithName("HealthLive");
        return app;
    }
}
