namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// A generate request as the simulator saw it: the key's fingerprint (null when no key was sent),
/// the status answered (499 when the client went away first), the request Content-Type and its parts
/// in the order received.
/// </summary>
public sealed record CapturedRequest(
    string? Fingerprint,
    int Status,
    string? ContentType,
    IReadOnlyList<CapturedField> Fields);
