using System.Globalization;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>One silo process of a <see cref="LoopbackSystem"/> and the port that names it in ssnews_jobs.worker_id.</summary>
public sealed record SiloHandle(ServiceProcess Process, int SiloPort)
{
    /// <summary>Matches the worker_id of jobs this silo runs (Orleans silo addresses read "S127.0.0.1:port:generation").</summary>
    public string WorkerIdPattern => "%:" + SiloPort.ToString(CultureInfo.InvariantCulture) + ":%";
}
