using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>The 200 body of the generate route: when it was created and one entry per image.</summary>
public sealed record GenerateResponse(
    [property: JsonPropertyName("created")] string Created,
    [property: JsonPropertyName("data")] IReadOnlyList<GeneratedImage> Data);
