using System.Net;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>One "host" of a <see cref="HostNetwork"/>: a network namespace, its address on the bridge, and the root end of its veth pair.</summary>
public sealed record NetworkHost(string Namespace, IPAddress Address, string RootInterface);
