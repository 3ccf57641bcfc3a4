using IdeogramJobs.Contracts.Retention;
using IdeogramJobs.Database.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Retention;

/// <summary>
/// The cluster's one retention sweeper. Its reminder survives silo restarts and moves with the grain;
/// the grain takes one call at a time, so a scheduled run, a run asked for by an admin and a dry run
/// never overlap.
/// </summary>
public sealed class RetentionGrain(
    RetentionSweeper sweeper,
    IRetentionStore store,
    IOptions<RetentionOptions> options,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    private const string SweepReminder = "retention-sweep";

    public async Task EnsureScheduledAsync()
    {
        // Registered only when missing: registering again would push the next run back on every silo start.
        if (await this.GetReminder(SweepReminder) is null)
        {
            await this.RegisterOrUpdateReminder(SweepReminder, options.Value.Interval, options.Value.Interval);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SweepReminder)
        {
            return;
        }

        try
        {
            await sweeper.RunAsync(accountId: null, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The scheduled retention run did not finish; the next one continues where it stopped");
        }
    }

    public Task<RetentionReport> PreviewAsync(string? accountId) => sweeper.PreviewAsync(accountId, CancellationToken.None);

    public Task<RetentionReport> RunAsync(string? accountId) => sweeper.RunAsync(accountId, CancellationToken.None);

    public Task<RetentionOverride?> GetOverrideAsync(string accountId) => store.GetOverrideAsync(accountId, CancellationToken.None);

    public async Task<RetentionPolicy> SetOverrideAsync(string accountId, RetentionOverride overrides)
    {
        await store.SetOverrideAsync(accountId, overrides, CancellationToken.None);
        logger.LogInformation("Retention override of account {AccountId} set to {Override}", accountId, overrides);
        return await sweeper.PolicyAsync(accountId, CancellationToken.None);
    }

    public Task<RetentionPolicy> GetPolicyAsync(string accountId) => sweeper.PolicyAsync(accountId, CancellationToken.None);
}
