namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// The reminder that keeps the account awake while it has unfinished work, so its ticks reconcile the queue
/// with the table. It is registered when work arrives and removed only by a tick that finds the account idle,
/// not each time the queue empties: registering and removing it costs reminder-table writes, which a busy
/// account would otherwise pay on every job.
/// </summary>
public sealed class AccountKeepAwake(IGrainBase grain, AccountQueue queue, TimeSpan period)
{
    private const string ReminderName = "account-keep-awake";

    private bool registered;

    /// <summary>Learns whether an earlier activation left the reminder registered.</summary>
    public async Task RestoreAsync() => registered = await grain.GetReminder(ReminderName) is not null;

    public async Task WhileBusyAsync()
    {
        if (!queue.IsEmpty && !registered)
        {
            await grain.RegisterOrUpdateReminder(ReminderName, period, period);
            registered = true;
        }
    }

    public async Task StopWhenIdleAsync()
    {
        if (queue.IsEmpty && await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
            registered = false;
        }
    }
}
