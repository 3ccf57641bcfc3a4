using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdeogramJobs.Silo.Health;

/// <summary>This silo is an Active member of the cluster: it joined, and is neither stopping nor declared dead.</summary>
public sealed class ActiveMemberHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is an active member.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {status}, not an active member."));
    }
}
