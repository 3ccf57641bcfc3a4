using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Hosting.Cluster;
using Orleans.Dashboard;

namespace IdeogramJobs.Api.Hosting;

public static class OperationsEndpoints
{
    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// <c>/metrics</c>: Prometheus text, anonymous like /health, since it carries counts and timings and
    /// no secrets or tenant data (tags are job type names, outcomes and causes).
    /// <c>/dashboard</c>: the Orleans dashboard when ORLEANS_DASHBOARD is set, for the service admin key
    /// (ADMIN_API_KEY) only, because it shows every grain of every account.
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint().ExcludeFromDescription();
        if (OrleansDashboardOptions.IsEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(ApiKeyDefaults.ServiceAdminPolicy).ExcludeFromDescription();
        }
        return app;
    }
}
