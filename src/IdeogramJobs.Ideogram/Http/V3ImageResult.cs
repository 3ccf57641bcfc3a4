namespace IdeogramJobs.Ideogram.Http;

/// <summary>One entry of the generate response's <c>data</c> array, read leniently.</summary>
internal sealed record V3ImageResult(
    Uri? Url, string Prompt, string? Resolution, long? Seed, string? StyleType, bool IsImageSafe);
