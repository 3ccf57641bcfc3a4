using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>Ideogram's error body, <c>{"error": "..."}</c>, with the in-flight rejection's extra fields when they apply.</summary>
public sealed record ProviderError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("reject_reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RejectReason = null,
    [property: JsonPropertyName("max_inflight_requests"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxInflightRequests = null);
