using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// A generate request as the simulator saw it: the key's fingerprint (null when no key was sent),
/// the status answered (499 when the client went away first), the request Content-Type, its parts
/// in the order received and, for a request that went on to generate, the generation time drawn
/// for it (at the latency scale in force when it was admitted).
/// </summary>
public sealed record CapturedRequest(
    string? Fingerprint,
    int Status,
    string? ContentType,
    IReadOnlyList<CapturedField> Fields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LatencySeconds);
