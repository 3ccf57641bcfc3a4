using Orleans.Concurrency;

namespace IdeogramJobs.Contracts.Capacity;

/// <summary>
/// The cluster-wide count of in-flight Ideogram images for one API key (Ideogram counts images,
/// not requests); keyed by its <see cref="ProviderKeyIdentity"/>. Grants are fair across accounts, in turn, and a large request is never passed
/// over forever by smaller ones.
/// </summary>
[Alias("ideogramjobs.ideogram-capacity-grain")]
public interface IIdeogramCapacityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Asks for <paramref name="units"/> images of capacity for a job. True when granted now or already
    /// held (asking again renews the lease: its clock starts at the grant, not at the first ask);
    /// otherwise the job waits its turn and is told by <c>IJobGrain.CapacityGrantedAsync</c>. An attempt
    /// that has claimed the job asks again with its <paramref name="attemptToken"/>, which binds the
    /// lease to it.
    /// </summary>
    [Alias("request")]
    Task<bool> RequestAsync(long jobId, string accountId, int units, string? attemptToken);

    /// <summary>Gives back what the job holds (unless the lease is bound to another attempt), or withdraws its request.</summary>
    [Alias("release")]
    Task ReleaseAsync(long jobId, string? attemptToken);

    /// <summary>
    /// Gives back what the job holds after its Ideogram call of <paramref name="units"/> images was given up
    /// on (a timeout, a cancel, a silo that died): Ideogram keeps generating, so the units stay counted for
    /// <paramref name="stillBusyFor"/>, even when the lease itself was already given back.
    /// </summary>
    [Alias("release-abandoned")]
    Task ReleaseAbandonedAsync(long jobId, int units, TimeSpan stillBusyFor, string? attemptToken);

    /// <summary>
    /// Takes back the lease of a job whose attempt is gone (its silo died), whichever activation held it;
    /// a call that may still run at Ideogram stays counted for <paramref name="stillBusyFor"/>.
    /// </summary>
    [Alias("take-back")]
    Task TakeBackAsync(long jobId, int units, TimeSpan stillBusyFor);

    /// <summary>
    /// The job has ended, its last attempt being <paramref name="attemptToken"/>: frees its lease and withdraws its
    /// request; a lease bound to an earlier attempt stays counted as a call given up on until that call has surely ended.
    /// One-way: the job has nothing to decide from the answer, and should the message be lost, the lease lapses at its
    /// deadline and a grain rebuilt from the table does not count an ended job.
    /// </summary>
    [OneWay, Alias("forget")]
    Task ForgetAsync(long jobId, string? attemptToken);

    /// <summary>The key's in-flight limit changed: the grain starts again and rebuilds its count from the table under the new limit.</summary>
    [Alias("orgkey.limit-changed")]
    Task LimitChangedAsync();

    [AlwaysInterleave, Alias("snapshot")]
    Task<CapacitySnapshot> GetSnapshotAsync();
}
