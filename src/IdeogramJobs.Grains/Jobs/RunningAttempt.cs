using System.Diagnostics;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>An attempt that owns its job's row: the job as claimed, the attempt's token, its number and when it claimed the row.</summary>
public sealed record RunningAttempt(StoredJob Job, string Token, int Number, DateTime ClaimedAt)
{
    /// <summary>The trace of the call that started the job (its submission), so the attempt's spans join it.</summary>
    public ActivityContext Trace { get; init; }

    /// <summary>The key the job is pinned to (see <see cref="ProviderKeys.JobProviderKeys"/>).</summary>
    public string KeyIdentity { get; init; } = Contracts.Capacity.ProviderKeyIdentity.Service;
}
