using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Database.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Recovery;

/// <summary>
/// When membership declares a silo dead, every account with unfinished jobs reconciles at once, so
/// the jobs that silo ran resume elsewhere and jobs that waited on a capacity grain it hosted ask
/// again, instead of each waiting up to a reminder period. One live silo acts (the lowest address),
/// so the work is done once; the reminders stay the backstop if it does not.
/// </summary>
public sealed class DeadSiloRecovery(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IGrainFactory grains,
    IJobStore jobs,
    ILogger<DeadSiloRecovery> logger) : BackgroundService
{
    private const int Parallelism = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var previous = membership.CurrentSnapshot;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var died = snapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Dead && previous.GetSiloStatus(m.SiloAddress) != SiloStatus.Dead && !m.SiloAddress.Equals(silo.SiloAddress))
                .Select(m => m.SiloAddress)
                .ToList();
            previous = snapshot;
            if (died.Count > 0 && IsRecoveryLeader(snapshot))
            {
                await RecoverAsync(died, stoppingToken);
            }
        }
    }

    private bool IsRecoveryLeader(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToString())
            .Order(StringComparer.Ordinal)
            .FirstOrDefault() == silo.SiloAddress.ToString();

    private async Task RecoverAsync(IReadOnlyList<SiloAddress> died, CancellationToken cancellationToken)
    {
        try
        {
            var accounts = await jobs.ListAccountsWithUnfinishedJobsAsync(cancellationToken);
            await Parallel.ForEachAsync(
                accounts,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (accountId, _) => await grains.GetGrain<IAccountGrain>(accountId).ReconcileAsync());
            logger.LogInformation("Silo(s) {DeadSilos} declared dead; {AccountCount} account(s) with unfinished jobs reconciled", string.Join(", ", died), accounts.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Recovery after silo(s) {DeadSilos} died did not finish; the accounts' reminders will reconcile them", string.Join(", ", died));
        }
    }
}
