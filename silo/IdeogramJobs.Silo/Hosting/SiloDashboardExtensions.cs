using IdeogramJobs.Hosting.Cluster;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace IdeogramJobs.Silo.Hosting;

public static class SiloDashboardExtensions
{
    /// <summary>The dashboard's collectors when ORLEANS_DASHBOARD is set; the API serves its pages at /dashboard to the admin key.</summary>
    public static ISiloBuilder AddDashboardWhenEnabled(this ISiloBuilder silo, IConfiguration configuration) =>
        OrleansDashboardOptions.IsEnabled(configuration) ? silo.AddDashboard() : silo;
}
