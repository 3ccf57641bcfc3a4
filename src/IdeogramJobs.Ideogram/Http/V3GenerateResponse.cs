namespace IdeogramJobs.Ideogram.Http;

/// <summary>The 200 answer of the generate route: when it was created and one entry per image.</summary>
internal sealed record V3GenerateResponse(DateTimeOffset Created, IReadOnlyList<V3ImageResult> Images);
