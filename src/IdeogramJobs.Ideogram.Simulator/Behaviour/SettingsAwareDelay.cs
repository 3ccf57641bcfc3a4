using IdeogramJobs.Ideogram.Simulator.Options;

namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Waits until a duration computed from the current settings has passed since a request arrived.
/// The duration is recomputed whenever the settings change, so lowering the latency scale or the
/// hang time through <c>PUT /_simulator/config</c> releases requests already waiting.
/// </summary>
public sealed class SettingsAwareDelay(SimulatorSettingsStore settings, TimeProvider time)
{
    // Task.Delay refuses waits beyond about 49 days; longer ones are taken in slices.
    private static readonly TimeSpan LongestSlice = TimeSpan.FromDays(1);

    /// <summary>
    /// Completes once <paramref name="duration"/> has passed since <paramref name="startedTimestamp"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/> value taken when the request arrived); throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task WaitAsync(long startedTimestamp, Func<SimulatorOptions, TimeSpan> duration, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Token first: a change between the two reads then still wakes this wait.
            var changed = settings.ChangeToken;
            var remaining = duration(settings.Current) - time.GetElapsedTime(startedTimestamp);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, changed);
            try
            {
                await Task.Delay(remaining < LongestSlice ? remaining : LongestSlice, time, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The settings changed: loop and recompute the remaining time.
            }
        }
    }
}
