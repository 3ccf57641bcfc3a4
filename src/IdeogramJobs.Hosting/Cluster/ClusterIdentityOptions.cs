using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Hosting.Cluster;

/// <summary>
/// The Orleans cluster silos and clients join. ServiceId keys stored grain state and reminders,
/// so it must never change for a deployment; ClusterId may change per deployment.
/// </summary>
public sealed class ClusterIdentityOptions
{
    [ConfigurationKeyName("ORLEANS_CLUSTER_ID")]
    public string ClusterId { get; set; } = "ideogramjobs";

    [ConfigurationKeyName("ORLEANS_SERVICE_ID")]
    public string ServiceId { get; set; } = "ideogramjobs";
}
