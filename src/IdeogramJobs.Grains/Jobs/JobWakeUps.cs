using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// What wakes one job and moves it on, one step at a time: a one-shot timer for its next step on this
/// activation, and a reminder that wakes it on any silo while a retry is due, should the timer die with its silo.
/// </summary>
public sealed class JobWakeUps(IGrainBase grain, JobActivation activation, TimeSpan reminderPeriod, ILogger logger)
{
    private const string WakeUpReminder = "job-wake-up";

    private IGrainTimer? timer;

    /// <summary>
    /// How many steps are moving the job on now. Calls interleave at every await, so a trigger (a poke,
    /// a reminder, a grant) while a step runs must not start another: it would act on the row the first
    /// is changing.
    /// </summary>
    private int stepping;

    /// <summary>Whether the wake-up reminder exists: false when known absent, null when unknown.</summary>
    private bool? registered;

    /// <summary>Tells whether the reminder is known absent: a queued job with no retry due never registered it.</summary>
    public void KnownAbsent(bool absent) => registered = absent ? false : null;

    /// <summary>Runs <paramref name="step"/> now, unless another step is moving the job on.</summary>
    public Task StepUnlessSteppingAsync(Func<Task> step) => stepping > 0 ? Task.CompletedTask : SteppingAsync(step);

    /// <summary>
    /// Runs <paramref name="step"/> once after <paramref name="delay"/>, interleaved with calls (reads and
    /// cancels are answered meanwhile), keeping the grain active; replaces any step still waiting. The
    /// step holds <see cref="stepping"/>.
    /// </summary>
    public void After(TimeSpan delay, Func<Task> step)
    {
        timer?.Dispose();
        timer = grain.RegisterGrainTimer(
            _ => SteppingAsync(step),
            new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    /// <summary>Drops the step still waiting, if any.</summary>
    public void CancelStep()
    {
        timer?.Dispose();
        timer = null;
    }

    /// <summary>The retry survives this silo: the reminder wakes the job elsewhere if the timer dies with it.</summary>
    public async Task KeepAwakeForRetryAsync()
    {
        if (registered == true)
        {
            return;
        }

        try
        {
            await grain.RegisterOrUpdateReminder(WakeUpReminder, reminderPeriod, reminderPeriod);
            registered = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The account's reminder pokes every unfinished job as well; the retry is not lost.
            JobGrainLog.WakeUpNotRegistered(logger, e, activation.JobId, activation.AccountId);
        }
    }

    /// <summary>Removes the reminder; <paramref name="evenIfKnownAbsent"/> looks for it all the same.</summary>
    public async Task StopAsync(bool evenIfKnownAbsent = false)
    {
        if (registered == false && !evenIfKnownAbsent)
        {
            return;
        }

        if (await grain.GetReminder(WakeUpReminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        registered = false;
    }

    private async Task SteppingAsync(Func<Task> step)
    {
        stepping++;
        try
        {
            await step();
        }
        finally
        {
            stepping--;
        }
    }
}
