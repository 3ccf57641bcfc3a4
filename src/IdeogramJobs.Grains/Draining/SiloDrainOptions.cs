using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Grains.Draining;

/// <summary>How a silo leaves: how long its running attempts may finish before they are handed over.</summary>
public sealed class SiloDrainOptions
{
    /// <summary>
    /// Time the attempts running on a stopping silo get to finish. Longer than Ideogram's slowest call
    /// (about 45 s at QUALITY), so a rolling deploy pays for no generation twice.
    /// </summary>
    [ConfigurationKeyName("SILO_DRAIN_SECONDS")]
    public double DrainSeconds { get; set; } = 60;

    public TimeSpan Drain => TimeSpan.FromSeconds(DrainSeconds);

    /// <summary>
    /// The host's whole shutdown bound: the drain, then the hand-over of what is left and leaving the cluster.
    /// A container's stop grace period must be longer than this.
    /// </summary>
    public TimeSpan ShutdownTimeout => Drain + LeaveCluster;

    /// <summary>Time after the drain to stop the attempts left, deactivate every grain and leave the membership table.</summary>
    public static readonly TimeSpan LeaveCluster = TimeSpan.FromSeconds(30);
}
