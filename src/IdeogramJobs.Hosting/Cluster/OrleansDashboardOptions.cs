using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Hosting.Cluster;

/// <summary>
/// Whether the Orleans dashboard runs, on every silo and the API alike (ORLEANS_DASHBOARD, off unless set):
/// its collectors export each silo's metrics once a second (an idle silo spends 1.6 % of a core with it, 1.0 %
/// without; about 4 % of a busy silo's CPU in a profile), and its pages show every grain of every account.
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
