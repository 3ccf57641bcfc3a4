using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Api.Jobs;

/// <summary>One job of a regeneration: what it replays and where to follow it.</summary>
public sealed record RegeneratedJob(
    long JobId,
    JobStatus Status,
    RegenerationReplay Replay,
    string StatusUrl,
    string ResultsUrl);
