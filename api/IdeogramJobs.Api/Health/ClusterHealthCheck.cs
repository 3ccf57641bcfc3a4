using IdeogramJobs.Contracts.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdeogramJobs.Api.Health;

/// <summary>Some silo of the cluster answers a grain call.</summary>
public sealed class ClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            var pong = await client.GetGrain<IHealthProbeGrain>(0).PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"Silo {pong.SiloAddress} answered.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"No silo of the cluster answered ({e.GetType().Name}).");
        }
    }
}
