using System.Globalization;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// One silo process of a <see cref="LoopbackSystem"/>, the address and port that name it in
/// ssnews_jobs.worker_id and the membership table, and its host when it runs in a network namespace.
/// </summary>
public sealed record SiloHandle(ServiceProcess Process, int SiloPort, NetworkHost? Host = null)
{
    /// <summary>The address the silo advertises: its host's, or loopback.</summary>
    public string Address => Host?.Address.ToString() ?? "127.0.0.1";

    /// <summary>Matches the worker_id of jobs this silo runs (Orleans silo addresses read "S&lt;address&gt;:&lt;port&gt;:&lt;generation&gt;").</summary>
    public string WorkerIdPattern => $"S{Address}:{SiloPort.ToString(CultureInfo.InvariantCulture)}:%";

    /// <summary>Whether <paramref name="siloAddress"/> ("S&lt;address&gt;:&lt;port&gt;:&lt;generation&gt;") is this silo.</summary>
    public bool Is(string siloAddress) => siloAddress.StartsWith($"S{Address}:{SiloPort.ToString(CultureInfo.InvariantCulture)}:", StringComparison.Ordinal);

    /// <summary>The membership table's rows of this silo.</summary>
    public string MembershipRows => $"OrleansMembershipTable WHERE Address = '{Address}' AND Port = {SiloPort.ToString(CultureInfo.InvariantCulture)}";
}
