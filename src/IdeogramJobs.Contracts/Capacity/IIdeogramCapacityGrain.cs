using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Capacity;

/// <summary>
/// The cluster-wide count of in-flight Ideogram images for one API key (Ideogram counts images,
/// not requests). Grants are fair across accounts, in turn, and a large request is never passed
/// over forever by smaller ones.
/// </summary>
[Alias("ideogramjobs.ideogram-capacity-grain")]
public interface IIdeogramCapacityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Asks for <paramref name="units"/> images of capacity for a job. True when granted now;
    /// otherwise the job waits its turn and is told by <c>IJobGrain.CapacityGrantedAsync</c>.
    /// </summary>
    [Alias("request")]
    Task<bool> RequestAsync(long jobId, string accountId, int units);

    /// <summary>Gives back what the job holds, or withdraws its request.</summary>
    [Alias("release")]
    Task ReleaseAsync(long jobId);

    [AlwaysInterleave, Alias("snapshot")]
    Task<CapacitySnapshot> GetSnapshotAsync();
}
