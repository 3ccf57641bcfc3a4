using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Api.Jobs;

/// <summary>How a job's event stream keeps an idle connection open (SSE_HEARTBEAT_SECONDS).</summary>
public sealed class JobEventStreamOptions
{
    public const string HeartbeatVariable = "SSE_HEARTBEAT_SECONDS";
    public const int MaxHeartbeatSeconds = 60;

    /// <summary>
    /// The longest silence on a stream before a comment line is sent: generations take minutes, and
    /// proxies cut connections that stay quiet for long (nginx after 60 s by default).
    /// </summary>
    [ConfigurationKeyName(HeartbeatVariable)]
    public int HeartbeatSeconds { get; set; } = 15;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);
}
