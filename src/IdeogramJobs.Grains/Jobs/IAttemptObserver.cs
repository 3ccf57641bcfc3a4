using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Logs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>What the job's state machine hears from its running attempt.</summary>
public interface IAttemptObserver
{
    /// <summary>
    /// The Ideogram call is over for this attempt: answered or refused (<paramref name="stillBusyFor"/> zero),
    /// or given up on while Ideogram may go on generating for <paramref name="stillBusyFor"/>.
    /// </summary>
    Task ProviderCallEndedAsync(TimeSpan stillBusyFor);

    /// <summary>Progress to show watchers (an image stored, a step reached).</summary>
    void Progressed(JobEventKind kind, int percentage, string detail, JobImage? image = null);

    /// <summary>A step worth keeping in the job's system log.</summary>
    Task StepAsync(SystemLogLevel level, string message);
}
