using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>One entry of a generate response's <c>data</c>.</summary>
public sealed record GeneratedImage(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("resolution")] string Resolution,
    [property: JsonPropertyName("is_image_safe")] bool IsImageSafe,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("style_type")] string StyleType);
