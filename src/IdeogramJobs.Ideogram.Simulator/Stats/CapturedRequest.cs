using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// A generate request as the simulator saw it: its place in the order requests arrived (the log itself
/// is in the order they were answered, and a short call answers before a longer one that came first),
/// the key's fingerprint (null when no key was sent),
/// the status answered (499 when the client went away first), the request Content-Type, its parts
/// in the order received and, for a request that went on to generate, the generation time drawn
/// for it (at the latency scale in force when it was admitted).
/// </summary>
public sealed record CapturedRequest(
    long Arrival,
    string? Fingerprint,
    int Status,
    string? ContentType,
    IReadOnlyList<CapturedField> Fields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LatencySeconds);
