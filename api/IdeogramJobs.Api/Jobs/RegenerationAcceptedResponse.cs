namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// The jobs a regeneration with a mode created: one per replayed image when the source's seeds differ.
/// <see cref="JobId"/> is the first, for callers that follow one job. <see cref="Unsent"/> explains
/// why replays after the last accepted one were not queued (e.g. the account's rate limit), else null.
/// </summary>
public sealed record RegenerationAcceptedResponse(
    long JobId,
    string StatusUrl,
    IReadOnlyList<RegeneratedJob> Jobs,
    string? Unsent);
