using IdeogramJobs.Contracts.Retention;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Retention;

/// <summary>
/// Once the silo is active, makes sure the retention reminder exists. Every silo asks; the grain is one
/// per cluster and registering is idempotent, so the sweep is scheduled once however many silos start.
/// </summary>
public sealed class RetentionSchedule(IGrainFactory grains, ILogger<RetentionSchedule> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RetentionSchedule), ServiceLifecycleStage.Active, EnsureAsync, _ => Task.CompletedTask);

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key).EnsureScheduledAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another silo's start, or the next start of this one, schedules it; starting must not fail for it.
            logger.LogWarning(e, "Could not schedule the retention sweep at start");
        }
    }
}
