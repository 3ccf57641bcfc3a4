namespace IdeogramJobs.Contracts.Accounts;

/// <summary>An account's queue at one moment.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-queue-snapshot")]
public sealed record AccountQueueSnapshot
{
    [Id(0)] public IReadOnlyList<long> Pending { get; init; } = [];
    [Id(1)] public IReadOnlyList<long> InFlight { get; init; } = [];
    [Id(2)] public int ConcurrencyCap { get; init; }
}
