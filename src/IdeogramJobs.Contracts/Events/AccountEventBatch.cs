namespace IdeogramJobs.Contracts.Events;

/// <summary>
/// The answer to "what happened after N?": the events, the newest sequence number the grain gave,
/// and whether N is outside what the grain still holds (older than its window, or from before it
/// activated), in which case events were lost and the watcher must read the lists again.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.account-event-batch")]
public sealed record AccountEventBatch
{
    [Id(0)] public IReadOnlyList<AccountJobEvent> Events { get; init; } = [];
    [Id(1)] public long Latest { get; init; }
    [Id(2)] public bool Reset { get; init; }
}
