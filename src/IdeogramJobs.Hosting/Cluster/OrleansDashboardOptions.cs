using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Hosting.Cluster;

/// <summary>
/// Whether the Orleans dashboard runs, on every silo and the API alike (ORLEANS_DASHBOARD, off unless set):
/// its collectors export each silo's metrics once a second, which costs a busy silo about 4 % of its CPU and
/// is most of what an idle one spends, and its pages show every grain of every account.
/// Prometheus' /metrics carries what operators alert on either way.
/// </summary>
public sealed class OrleansDashboardOptions
{
    public const string Variable = "ORLEANS_DASHBOARD";

    [ConfigurationKeyName(Variable)]
    public bool Enabled { get; set; }

    /// <summary>Read while the host is built, since the dashboard's services are added or not then; a value that is not true or false stops the start naming the variable.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.Get<OrleansDashboardOptions>()?.Enabled ?? false;
}
